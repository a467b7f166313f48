-------------------------------- MODULE MCM3 --------------------------------
(* M3 (NEXT on every packet) breaks RequestContiguity: 2 CPUs, one group of 2 queues, requests of 2 and 1 packets. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 2)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
