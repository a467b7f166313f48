--------------------------- MODULE HashRefinement ---------------------------
(***************************************************************************)
(* The hash design refines OrderedChannel with one channel per flow: each  *)
(* flow is a FIFO of requests in the order they reserved.  The mapping:    *)
(*   pending[f]  the descriptors of flow f in the rings (reserved or       *)
(*               written, not no-ops), ring after ring, oldest first       *)
(*   out[f]      flow f's packets on the wire, in wire order               *)
(*   size[r]     request r's packet count, once it has reserved           *)
(*   dropped     the requests whose sender failed                          *)
(* Reserve is Enq; Transmit is Deliver; PassNoop is a stutter;            *)
(* Fail is Drop; Assign and Write are stutters.  Without M4 a flow's       *)
(* descriptors sit in one ring, so "ring after ring" never matters; M4     *)
(* spreads a flow over rings and fails the refinement.                     *)
(***************************************************************************)
EXTENDS HashInductive

FlowOf(r) == reqs[r].flow
\* Request r has reserved: it exists and its sender, if still sending, is past its claim
\* (neither assigned nor, under M5, holding a tail it has read but not claimed).
Entered(r) == r \in Reqs /\ \A c \in CPUs : cur[c] = r => pc[c] = "writing"
\* The rings, in a fixed order.
RingList == CHOOSE xs \in Orders(QueuePairs) : \A i, j \in DOMAIN xs : i < j => xs[i][1] < xs[j][1] \/ (xs[i][1] = xs[j][1] /\ xs[i][2] < xs[j][2])

PendingOf(f) ==
    Flatten([k \in DOMAIN RingList |->
        LET ring == queues[RingList[k][1]][RingList[k][2]]
            mine == SelectSeq(ring, LAMBDA d : FlowOf(d.req) = f /\ ~d.noop)
        IN  [i \in DOMAIN mine |-> <<mine[i].req, mine[i].pkt>>]])

\* A flow's packets are on its group's wire.
FlowWire(f) == SelectSeq(wire[GroupOf[FlowPriority[f]]], LAMBDA p : FlowOf(p[1]) = f)

Abstract == INSTANCE OrderedChannel
    WITH Channels <- Flows, ReqIds <- 1 .. MaxRequests, MaxSize <- ArrayMax,
         pending <- [f \in Flows |-> PendingOf(f)], out <- [f \in Flows |-> FlowWire(f)],
         size <- [r \in 1 .. MaxRequests |-> IF Entered(r) THEN reqs[r].size ELSE 0],
         dropped <- {r \in Reqs : Failed(r)}

\* The hash design implements one FIFO of requests per flow.
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
