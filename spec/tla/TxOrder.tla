------------------------------ MODULE TxOrder -------------------------------
(***************************************************************************)
(* Ordered multi-queue transmit (US 2003/0058878 A1): CPUs send requests   *)
(* into the queues of their priority's group at the same time (Sender),    *)
(* and the adapter drains the groups in order (Adapter).                   *)
(***************************************************************************)
EXTENDS Sender, Adapter

Init ==
    /\ queues = [g \in Groups |-> [q \in Queues(g) |-> <<>>]]
    /\ sent   = [g \in Groups |-> [q \in Queues(g) |-> 0]]
    /\ SenderInit
    /\ AdapterInit

\* Every request has been sent and every ring drained.
Terminated ==
    /\ Len(reqs) = MaxRequests
    /\ \A c \in CPUs : pc[c] = "idle"
    /\ \A g \in Groups : \A q \in Queues(g) : queues[g][q] = <<>>

\* The end: once everything is sent the system only stutters.  Part of Next so
\* that TLC's deadlock check flags exactly the states where work is left and
\* nothing can move (a stalled adapter, a sender waiting forever).
Done == Terminated /\ UNCHANGED vars

Next ==
    \/ \E c \in CPUs : Assign(c)
    \/ \E c \in CPUs : ReadTail(c)
    \/ \E c \in CPUs : Reserve(c)
    \/ \E c \in CPUs : Write(c)
    \/ \E c \in CPUs : Fail(c)
    \/ \E c \in CPUs : FailAssigned(c)
    \/ Drain
    \/ Done

\* Weak fairness of the adapter and of every sender; faults are never forced.
Spec ==
    /\ Init /\ [][Next]_vars
    /\ WF_vars(Drain)
    /\ \A c \in CPUs : WF_vars(Send(c))

=============================================================================
