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
    credit,   \* credit[g]: what group g may still send in this wrr round
    wire,     \* the packets transmitted so far, as <<request, packet>>, in wire order
    share     \* share[g]: packets group g sent since every group last became able to send (wrr)

adapterVars == <<cursor, credit, wire, share>>

vars == <<ringVars, senderVars, adapterVars>>
=============================================================================
