----------------------------- MODULE MCHashStep -----------------------------
(* hash, step check: 3 CPUs, one group of 2 queues, flows a (key 0) and b (key 1), 3 requests (a of 1-2 packets; a or b of 1; a of 1), rings of 2, one fault. *)
EXTENDS HashInductive, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0 @@ "b" :> 1)
MCFlowPriority == ("a" :> 0 @@ "b" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> f, size |-> 1] : f \in {"a", "b"}},
                     {[flow |-> "a", size |-> 1]} >>
MCWeight       == (0 :> 1)
=============================================================================
