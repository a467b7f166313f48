--------------------------- MODULE OrderedChannel ---------------------------
(***************************************************************************)
(* One FIFO of requests per channel: the abstract next design (a channel  *)
(* per queue group, requests in assignment order) and the abstract hash    *)
(* design (a channel per flow, requests in reservation order).  A request  *)
(* puts all its packets into its channel at once (Enq), under an id no     *)
(* request had before; the channel delivers its head (Deliver); a request  *)
(* whose sender failed withdraws the packets it has not written, a suffix  *)
(* of them, once (Drop).  Nothing else happens: no reordering, no          *)
(* interleaving of two requests, no duplicate, and no packet of a request  *)
(* that was never dropped goes missing (NoDuplicate, NoLoss below).        *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS
    Channels,  \* the FIFOs: queue groups (next) or flows (hash)
    ReqIds,    \* the request identifiers
    MaxSize    \* the largest request

VARIABLES
    pending,   \* pending[g]: the packets <<request, packet>> still to go out, in order
    out,       \* out[g]: the packets delivered, in order
    size,      \* size[r]: the packets request r enqueued; 0 while it has not entered a channel
    dropped    \* the requests whose failed sender withdrew packets

chanVars == <<pending, out, size, dropped>>

Init ==
    /\ pending = [g \in Channels |-> <<>>]
    /\ out     = [g \in Channels |-> <<>>]
    /\ size    = [r \in ReqIds |-> 0]
    /\ dropped = {}

\* A request r that never entered a channel enters channel g with its n packets, behind everything there.
Enq(g) ==
    \E r \in ReqIds, n \in 1 .. MaxSize :
        /\ size[r] = 0
        /\ pending' = [pending EXCEPT ![g] = @ \o [j \in 1 .. n |-> <<r, j>>]]
        /\ size'    = [size EXCEPT ![r] = n]
        /\ UNCHANGED <<out, dropped>>

\* The head of channel g goes out.
Deliver(g) ==
    /\ pending[g] # <<>>
    /\ out'     = [out EXCEPT ![g] = Append(@, Head(pending[g]))]
    /\ pending' = [pending EXCEPT ![g] = Tail(@)]
    /\ UNCHANGED <<size, dropped>>

\* The sender of request r failed: its packets j, j+1, ... leave the channel undelivered, once.
Drop(g) ==
    \E r \in ReqIds, j \in 1 .. MaxSize :
        /\ size[r] > 0 /\ r \notin dropped
        /\ pending' = [pending EXCEPT ![g] = SelectSeq(@, LAMBDA p : ~(p[1] = r /\ p[2] >= j))]
        /\ pending' # pending
        /\ dropped' = dropped \cup {r}
        /\ UNCHANGED <<out, size>>

Next == \E g \in Channels : Enq(g) \/ Deliver(g) \/ Drop(g)

Spec == Init /\ [][Next]_chanVars

(* What the channel guarantees, beyond order: invariants of Spec, checked on the implementation's  *)
(* states through the refinement mapping.                                                         *)

\* Channel g's packets, delivered then pending.
All(g) == out[g] \o pending[g]
InChannel(g, p) == \E i \in DOMAIN All(g) : All(g)[i] = p

\* No packet is delivered twice, or both delivered and pending, and a request lives in one channel.
NoDuplicate ==
    /\ \A g \in Channels : \A i, k \in DOMAIN All(g) : i # k => All(g)[i] # All(g)[k]
    /\ \A g, h \in Channels : g # h =>
         \A i \in DOMAIN All(g) : \A k \in DOMAIN All(h) : All(g)[i][1] # All(h)[k][1]

\* A request that entered a channel and was never dropped has every packet delivered or pending.
NoLoss ==
    \A r \in ReqIds : size[r] > 0 /\ r \notin dropped =>
        \E g \in Channels : \A j \in 1 .. size[r] : InChannel(g, <<r, j>>)
=============================================================================
