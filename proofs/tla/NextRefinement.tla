--------------------------- MODULE NextRefinement ---------------------------
(***************************************************************************)
(* The next design refines OrderedChannel.  The refinement mapping:        *)
(*   pending[g]  the group's packets in ticket order, minus the first      *)
(*               sum(sent[g]) that the adapter has consumed, minus those   *)
(*               a failed sender will never write (its no-ops)             *)
(*   out[g]      the group's packets on the wire, in wire order            *)
(*   size[r]     request r's packet count, once it has its ticket         *)
(*   dropped     the requests whose sender failed (after reserving)        *)
(* Taking a ticket is Enq; Transmit is Deliver; PassNoop (a no-op passed) *)
(* is a stutter; Fail is Drop; Reserve and Write are stutters, except the *)
(* Reserve of a sender that failed after its ticket, which publishes its   *)
(* no-ops: Drop of the whole request; FailAssigned is a stutter.           *)
(***************************************************************************)
EXTENDS NextInductive

RECURSIVE SumOver(_, _)
SumOver(f, S) == IF S = {} THEN 0 ELSE LET x == CHOOSE x \in S : TRUE IN f[x] + SumOver(f, S \ {x})

\* How many of group g's descriptors the adapter has consumed.
Consumed(g) == SumOver(sent[g], Queues(g))
\* Packet p will never be written: its sender failed first.
Withdrawn(p) == Failed(TurnReserved, p[1]) /\ p[2] > reqs[p[1]].written

PendingOf(g) ==
    SelectSeq(SubSeq(TicketOrder(g), Consumed(g) + 1, Len(TicketOrder(g))), LAMBDA p : ~Withdrawn(p))

Abstract == INSTANCE OrderedChannel
    WITH Channels <- Groups, ReqIds <- 1 .. MaxRequests, MaxSize <- ArrayMax,
         pending <- [g \in Groups |-> PendingOf(g)], out <- [g \in Groups |-> WireOf(g)],
         size <- [r \in 1 .. MaxRequests |-> IF r \in Reqs THEN reqs[r].size ELSE 0],
         dropped <- {r \in Reqs : Failed(TurnReserved, r)}

\* The next design implements one FIFO of requests per group.
RefinesOrderedChannel == Abstract!Spec
\* The same, split so that TLC names the part that breaks (it reports a violated conjunct of
\* Abstract!Spec by its position in OrderedChannel, a violated definition by its name).
RefinesOrderedChannelInit == Abstract!Init
RefinesOrderedChannelNext == [][Abstract!Next]_(Abstract!chanVars)
\* What the refinement gives beyond order, on every reachable state: no packet twice, and every
\* packet of a request whose sender did not fail delivered or still pending.
ChannelNoDuplicate == Abstract!NoDuplicate
ChannelNoLoss == Abstract!NoLoss
=============================================================================
