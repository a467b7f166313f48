-------------------------- MODULE MCNextStepGroups --------------------------
(* next, step check with two groups: 2 CPUs, groups of 1 and 2 queues, flows a (high) and c (low), 3 requests (a of 1-2 packets; a or c of 1-2; a of 1), rings of 2, one fault. *)
EXTENDS NextInductive, TLC

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "c" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> f, size |-> n] : f \in {"a", "c"}, n \in 1 .. 2},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
