------------------------ MODULE MCNextStrictFullLive ------------------------
(* full profile, liveness: next policy, strict scheduler, 2 CPUs, groups of 2 and 4 queues, the first 7 requests of MCNextStrictFull (1-3 packets), rings of 3, one fault. *)
(* Progress and NoLossLiveness at the full model's groups and rings: no SYMMETRY and no VIEW, which TLC cannot combine soundly with liveness, so 2 CPUs and 7 requests instead of 4 and 10. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2 @@ 1 :> 4)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 3)}, {Req("c", 2)}, {Req("a", 1)}, {Req("a", 2)}, {Req("c", 1)}, {Req("a", 3)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
