-------------------------------- MODULE MCM11Deadlock -------------------------------
(* The deadlock check has teeth (must fail): M11 with CHECK_DEADLOCK TRUE, as every passing model has it; the stalled cursor leaves a state with work left and no step. Same bounds as MCM11. *)
EXTENDS MCTxOrder

MCQueueCount   == (0 :> 2)
MCGroupOf      == (0 :> 0)
MCFlowKey      == ("a" :> 0)
MCFlowPriority == ("a" :> 0)
MCWork         == << {Req("a", 1)}, {Req("a", 1)} >>
MCWeight       == (0 :> 1)
=============================================================================
