----------------------------- MODULE Assignment -----------------------------
(***************************************************************************)
(* Which queue of its group a transmit request goes to, and the indicator  *)
(* each of its descriptors carries.  Pure functions: no variables.         *)
(*                                                                         *)
(* hash ([0037]-[0041]): the queue is a function of the flow key, the low  *)
(*   bits of the destination MAC in the patent (key mod k).                *)
(* next ([0043]-[0061], FIG. 7): the request takes the group's ticket t    *)
(*   and goes to queue t mod k; it is the (t div k)-th request there.      *)
(*   Every descriptor carries CURRENT (the adapter's next packet is in the *)
(*   same queue: a non-final packet of an array) or NEXT (advance to the   *)
(*   next queue: a single packet or the last packet of an array) [0052].   *)
(***************************************************************************)
EXTENDS Layout, Mutants

CONSTANTS
    Policy,     \* "hash" or "next"
    FlowKey     \* [Flows -> Nat]: the hashed key of a flow (e.g. the last MAC octet)

Flows == DOMAIN FlowKey

\* hash: the flow's key mod k.  M4 hashes a key that changes from one request
\* of a flow to the next (modelled as the key plus the request number r).
HashQueue(f, r, g) ==
    IF Mutant = "M4" THEN (FlowKey[f] + r) % QueueCount[g]
                     ELSE FlowKey[f] % QueueCount[g]

\* next: ticket t of group g goes to queue t mod k ...
TicketQueue(t, g) == t % QueueCount[g]
\* ... where it is the (t div k)-th request, counting from 0.
TicketTurn(t, g) == t \div QueueCount[g]

\* The indicator of packet j of an n-packet request ([0052]-[0053]).
\* hash groups are drained round robin and carry no indicator.
Indicator(n, j) ==
    IF Policy = "hash"               THEN "NONE"
    ELSE IF j = n \/ Mutant = "M3"   THEN "NEXT"
    ELSE                                  "CURRENT"

ASSUME AssignmentWellFormed ==
    /\ Policy \in {"hash", "next"}
    /\ \A f \in Flows : FlowKey[f] \in Nat
    /\ Mutant \in {"M1", "M2", "M3"} => Policy = "next"
    /\ Mutant \in {"M4", "M5"}       => Policy = "hash"
=============================================================================
