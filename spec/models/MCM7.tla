-------------------------------- MODULE MCM7 --------------------------------
(* M7 (strict scheduler scans groups lowest first) breaks StrictPriority: 2 CPUs, two groups of 1 queue, 2 single-packet requests, one per group. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 1)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("c", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
