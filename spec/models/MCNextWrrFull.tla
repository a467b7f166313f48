-------------------------- MODULE MCNextWrrFull --------------------------
(* full profile: next policy, wrr 1:2 scheduler, 3 CPUs, groups of 2 and 4 queues, the first 9 requests of MCNextStrictFull (1-3 packets), rings of 3, one fault; SYMMETRY, VIEW without the before sets. *)
EXTENDS MCTxOrder
MCQueueCount   == (0 :> 2 @@ 1 :> 4)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 3)}, {Req("c", 2)}, {Req("a", 1)}, {Req("a", 2)}, {Req("c", 1)}, {Req("a", 3)}, {Req("a", 1)}, {Req("c", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 2)
=============================================================================
