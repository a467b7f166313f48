-------------------------- MODULE MCHashStrictFull --------------------------
(* full profile: hash policy, strict scheduler, 3 CPUs, groups of 2 and 2 queues, flows a, b (keys 0, 1) high and c, d low, 6 requests of 1-3 packets, rings of 3, one fault; SYMMETRY, FlowOrder checked directly (before sets kept). *)
EXTENDS MCTxOrder
MCQueueCount   == (0 :> 2 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1 @@ "c" :> 0 @@ "d" :> 1)
MCFlowPriority == ("a" :> 1 @@ "b" :> 1 @@ "c" :> 0 @@ "d" :> 0)
MCWork         == << {Req("a", 1)}, {Req("b", 3)}, {Req("c", 2)}, {Req("a", 1)}, {Req("b", 2)}, {Req("d", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
