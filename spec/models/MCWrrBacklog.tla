---------------------------- MODULE MCWrrBacklog ----------------------------
(* WeightedShare with both groups backlogged for three rounds: next policy, wrr 1:2, 2 CPUs, groups of 1 (low) and 2 (high) queues, rings of 3; the high group gets three arrays of 2 packets, the low group one array of 3, so a behaviour that fills every ring before the adapter starts serves high 2, low 1 three times over. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 2)}, {Req("c", 3)}, {Req("a", 2)}, {Req("a", 2)} >>
MCWeight       == (0 :> 1 @@ 1 :> 2)
=============================================================================
