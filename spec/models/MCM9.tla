---------------------------- MODULE MCM9 ----------------------------
(* M9 (wrr: a visit serves the mirrored group's weight, the weights swapped) breaks WeightedShare: the MCWrrBacklog bounds (next, wrr 1:2, 2 CPUs, groups of 1 and 2 queues, rings of 3, high three arrays of 2, low one array of 3). *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 2)}, {Req("c", 3)}, {Req("a", 2)}, {Req("a", 2)} >>
MCWeight       == (0 :> 1 @@ 1 :> 2)
=============================================================================
