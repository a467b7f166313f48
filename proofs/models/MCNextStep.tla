----------------------------- MODULE MCNextStep -----------------------------
(* next, step check: 3 CPUs, one group of 2 queues, 3 requests of 1-2 packets, rings of 2, one fault. *)
EXTENDS NextInductive, TLC

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> "a", size |-> n] : n \in 1 .. 2},
                     {[flow |-> "a", size |-> n] : n \in 1 .. 2} >>
MCWeight       == (0 :> 1)
=============================================================================
