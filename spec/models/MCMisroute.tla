---------------------------- MODULE MCMisroute -----------------------------
(* PriorityIsolation must be able to fail (must fail): a driver that routes the low flow c into the high group; 1 CPU, two groups of 1 queue, flows a (high) and c (low), 2 single-packet requests. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 1)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 1)}, {Req("c", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
\* The broken routing: every flow goes to the highest group, whatever its priority.
MCMisroutedGroup(f) == 1
=============================================================================
