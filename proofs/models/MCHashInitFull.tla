----------------------------- MODULE MCHashInitFull -----------------------------
(* hash, Init => IndInv: the reachable states of Spec satisfy IndInv (the constants of the spec's MCHashStrict: flows a, b (keys 0, 1) high and c low, 3 CPUs, groups of 1 and 2 queues, 4 requests (two of 1-2 packets, two of 1), rings of 2, one fault). *)
EXTENDS HashInductive, TLC

MCQueueCount   == (0 :> 1 @@ 1 :> 2)
MCGroupOf      == (0 :> 0 @@ 1 :> 1)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1 @@ "c" :> 0)
MCFlowPriority == ("a" :> 1 @@ "b" :> 1 @@ "c" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2}, {[flow |-> "b", size |-> 1]},
                     {[flow |-> "c", size |-> n] : n \in 1 .. 2}, {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1 @@ 1 :> 1)
=============================================================================
