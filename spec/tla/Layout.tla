------------------------------- MODULE Layout -------------------------------
(***************************************************************************)
(* Priorities, queue groups and transmit queues (patent [0035], [0046]).   *)
(* Every priority maps to exactly one queue group; group g owns the        *)
(* transmit queues 0 .. QueueCount[g]-1, and groups may differ in size.    *)
(* As in IEEE 802.1Q, a higher group number is a higher priority.          *)
(***************************************************************************)
EXTENDS Naturals

CONSTANTS
    QueueCount,   \* [Groups -> Nat \ {0}]: the number of queues of each group
    GroupOf       \* [Priorities -> Groups]: the group each priority maps to

Groups     == DOMAIN QueueCount
Priorities == DOMAIN GroupOf
Queues(g)  == 0 .. QueueCount[g] - 1

ASSUME LayoutWellFormed ==
    /\ Groups \subseteq Nat
    /\ \A g \in Groups : QueueCount[g] \in Nat \ {0}
    /\ \A p \in Priorities : GroupOf[p] \in Groups
=============================================================================
