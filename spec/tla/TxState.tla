------------------------------ MODULE TxState -------------------------------
(***************************************************************************)
(* The state of the transmit path: the rings (module Ring), what the       *)
(* senders own and what the adapter owns.  Declared in one place so that   *)
(* every action of Sender and Adapter is a complete step of the system.    *)
(***************************************************************************)
EXTENDS Ring

CONSTANT NoCpu     \* the owner of a free queue lock

VARIABLES
    reqs,    \* every request so far, in assignment order (a history)
    pc,      \* pc[c]: where CPU c is in its send
    cur,     \* cur[c]: the request CPU c is sending (0 when idle)
    at,      \* at[c]: the first slot CPU c claimed (0 when it holds none)
    ticket,  \* ticket[g]: group g's next ticket (next policy)
    turn,    \* turn[g][q]: the turn (t div k) queue q of group g reserves next
    lock,    \* lock[g][q]: the CPU holding queue q's lock, or NoCpu (hash policy)
    faults   \* how many sends have failed so far

senderVars == <<reqs, pc, cur, at, ticket, turn, lock, faults>>

VARIABLES
    cursor,   \* cursor[g]: group g's cursor queue (next) or round-robin position (hash)
    visit,    \* wrr: the group the adapter is visiting
    credit,   \* wrr: what is left of that group's weight in this visit
    wire,     \* wire[g]: group g's packets transmitted so far, as <<request, packet>>, in wire order
    share     \* share[g]: wrr, packets group g has sent in its current visit (a ghost for WeightedShare)

adapterVars == <<cursor, visit, credit, wire, share>>

(* The wire is kept per group: wire[g] is the sequence of group g's        *)
(* packets in the order the adapter put them on the wire. Every wire       *)
(* property of DESIGN.md section 3 (NoLoss, NoDuplicate, FlowOrder,        *)
(* GroupOrder, RequestContiguity) is about the packets of one group (a     *)
(* flow has one priority, hence one group); the order across groups is     *)
(* judged by StrictPriority (on Eligible) and WeightedShare (on visit and  *)
(* share), never by the wire. One global sequence would make every        *)
(* cross-group interleaving of the wire a distinct state and tell no       *)
(* property anything (half the states of the first 6 requests of          *)
(* MCNextStrictFull).                                                      *)

vars == <<ringVars, senderVars, adapterVars>>
=============================================================================
