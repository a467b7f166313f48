--------------------------- MODULE HashRefinement ---------------------------
(***************************************************************************)
(* The hash design refines OrderedChannel with one channel per flow: each  *)
(* flow is a FIFO of requests in the order they reserved.  The mapping:    *)
(*   pending[f]  the descriptors of flow f in the rings (reserved or       *)
(*               written, not no-ops), ring after ring, oldest first       *)
(*   out[f]      flow f's packets on the wire, in wire order               *)
(* Reserve is Enq; Transmit is Deliver; PassNoop is a stutter;            *)
(* Fail is Drop; Assign and Write are stutters.  Without M4 a flow's       *)
(* descriptors sit in one ring, so "ring after ring" never matters; M4     *)
(* spreads a flow over rings and fails the refinement.                     *)
(***************************************************************************)
EXTENDS HashInductive

FlowOf(r) == reqs[r].flow
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
         pending <- [f \in Flows |-> PendingOf(f)], out <- [f \in Flows |-> FlowWire(f)]

\* The hash design implements one FIFO of requests per flow.
RefinesOrderedChannel == Abstract!Spec
\* The same, split so that TLC names the part that breaks (it reports a violated conjunct of
\* Abstract!Spec by its position in OrderedChannel, a violated definition by its name).
RefinesOrderedChannelInit == Abstract!Init
RefinesOrderedChannelNext == [][Abstract!Next]_(Abstract!chanVars)
=============================================================================
