----------------------------- MODULE MCHashWeakStep -----------------------------
(* hash, step check of WeakInv (must fail): 2 CPUs, one group of 2 queues, flows a (key 0) and b (key 1), 3 single-packet requests (a; a or b; a), rings of 2, no fault. *)
EXTENDS HashInductive, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1)
MCFlowPriority == ("a" :> 0 @@ "b" :> 0)
MCWork         == << {[flow |-> "a", size |-> 1]},
                     {[flow |-> f, size |-> 1] : f \in {"a", "b"}},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)
=============================================================================
