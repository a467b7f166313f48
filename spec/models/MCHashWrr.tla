----------------------------- MODULE MCHashWrr ------------------------------
(* hash policy, wrr 1:2 scheduler, liveness: 2 CPUs, groups of 1 and 2 queues, 3 requests (one of 1-2 packets, two of 1), rings of 2, one fault. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "b" :> 1 @@ "c" :> 0)
MCWork         == << AnySize("a", 1..2), {Req("c", 1)}, {Req("b", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 2)
=============================================================================
