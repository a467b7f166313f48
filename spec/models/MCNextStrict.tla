---------------------------- MODULE MCNextStrict ----------------------------
(* next policy, strict scheduler: 3 CPUs, groups of 1 and 2 queues, 4 requests (two of 1-2 packets, two of 1), rings of 2, one fault. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "b" :> 1 @@ "c" :> 0)
MCWork         == << AnySize("a", 1..2), {Req("b", 1)}, AnySize("c", 1..2), {Req("a", 1)} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
