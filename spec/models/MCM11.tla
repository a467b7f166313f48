-------------------------------- MODULE MCM11 -------------------------------
(* M11 (a sender failing between ticket and reservation does nothing) breaks Progress: 2 CPUs, one group of 2 queues, 2 single-packet requests, one fault. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
