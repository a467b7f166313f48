-------------------------- MODULE MCNextStrictFull --------------------------
(* full profile: next policy, strict scheduler, 4 CPUs, groups of 2 and 4 queues, 10 requests of 1-3 packets, rings of 3, one fault. *)
(* The cfg takes the VIEW WithoutBefore of MCTxOrder and checks FlowOrder through the four properties that imply it under next. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2 @@ 1 :> 4)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 3)}, {Req("c", 2)}, {Req("a", 1)}, {Req("a", 2)}, {Req("c", 1)}, {Req("a", 3)}, {Req("a", 1)}, {Req("c", 1)}, {Req("a", 2)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
