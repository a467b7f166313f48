--------------------------- MODULE OrderedChannel ---------------------------
(***************************************************************************)
(* One FIFO of requests per channel: the abstract next design (a channel  *)
(* per queue group, requests in assignment order) and the abstract hash    *)
(* design (a channel per flow, requests in reservation order).  A request  *)
(* puts all its packets into its channel at once (Enq); the channel        *)
(* delivers its head (Deliver); a failed sender withdraws the packets of   *)
(* its request it has not written, a suffix of them (Drop).  Nothing else  *)
(* happens: no reordering, no interleaving of two requests, no duplicate.  *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS
    Channels,  \* the FIFOs: queue groups (next) or flows (hash)
    ReqIds,    \* the request identifiers
    MaxSize    \* the largest request

VARIABLES
    pending,   \* pending[g]: the packets <<request, packet>> still to go out, in order
    out        \* out[g]: the packets delivered, in order

chanVars == <<pending, out>>

Init == pending = [g \in Channels |-> <<>>] /\ out = [g \in Channels |-> <<>>]

\* Request r of n packets enters channel g behind everything there.
Enq(g) ==
    \E r \in ReqIds, n \in 1 .. MaxSize :
        /\ pending' = [pending EXCEPT ![g] = @ \o [j \in 1 .. n |-> <<r, j>>]]
        /\ UNCHANGED out

\* The head of channel g goes out.
Deliver(g) ==
    /\ pending[g] # <<>>
    /\ out'     = [out EXCEPT ![g] = Append(@, Head(pending[g]))]
    /\ pending' = [pending EXCEPT ![g] = Tail(@)]

\* Packets j, j+1, ... of request r leave the channel undelivered.
Drop(g) ==
    \E r \in ReqIds, j \in 1 .. MaxSize :
        /\ pending' = [pending EXCEPT ![g] = SelectSeq(@, LAMBDA p : ~(p[1] = r /\ p[2] >= j))]
        /\ pending' # pending
        /\ UNCHANGED out

Next == \E g \in Channels : Enq(g) \/ Deliver(g) \/ Drop(g)

Spec == Init /\ [][Next]_chanVars
=============================================================================
