-------------------------- MODULE MCHashStepGroups --------------------------
(* hash, step check with two groups: 2 CPUs, groups of 1 and 2 queues, flows a, b (keys 0, 1) high and c low, 3 requests (a of 1-2 packets; b or c of 1-2; a of 1), rings of 2, one fault. *)
EXTENDS HashInductive, TLC

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "b" :> 1 @@ "c" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> f, size |-> n] : f \in {"b", "c"}, n \in 1 .. 2},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
