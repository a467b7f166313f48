-------------------------------- MODULE Ring --------------------------------
(***************************************************************************)
(* Bounded descriptor rings, one per transmit queue.                       *)
(*                                                                         *)
(*   queues[g][q]  the descriptors between the adapter's head and the      *)
(*                 senders' tail, oldest first                             *)
(*   sent[g][q]    how many descriptors the adapter has consumed           *)
(*                                                                         *)
(* Slots are numbered absolutely: the i-th descriptor of queues[g][q] sits *)
(* in slot sent[g][q] + i - 1 (its ring index is that number mod           *)
(* RingSize).  A sender claims slots at the tail, fills them, and marks    *)
(* each ready; the adapter reads only a ready head.                        *)
(*                                                                         *)
(*   descriptor  req  pkt  ind                      ready  noop            *)
(*   reserved    r    j    "NONE"                   FALSE  FALSE           *)
(*   written     r    j    "CURRENT"/"NEXT"/"NONE"  TRUE   FALSE           *)
(*   no-op       r    j    "CURRENT"/"NEXT"/"NONE"  TRUE   TRUE            *)
(***************************************************************************)
EXTENDS Layout, Naturals, Sequences

CONSTANT RingSize   \* descriptors per ring

VARIABLES queues, sent

ringVars == <<queues, sent>>

Indicators == {"CURRENT", "NEXT", "NONE"}

Descriptors == [req : Nat, pkt : Nat, ind : Indicators, ready : BOOLEAN, noop : BOOLEAN]

ReservedDescriptor(r, j) == [req |-> r, pkt |-> j, ind |-> "NONE", ready |-> FALSE, noop |-> FALSE]
WrittenDescriptor(r, j, i) == [req |-> r, pkt |-> j, ind |-> i, ready |-> TRUE, noop |-> FALSE]
NoOpDescriptor(r, j, i)    == [req |-> r, pkt |-> j, ind |-> i, ready |-> TRUE, noop |-> TRUE]

\* The first free slot of ring (g, q), and the free space left in it.
TailSlot(g, q) == sent[g][q] + Len(queues[g][q])
Space(g, q)    == RingSize - Len(queues[g][q])

\* The head descriptor of ring (g, q) exists and has been written.
HeadReady(g, q) == queues[g][q] # <<>> /\ Head(queues[g][q]).ready

\* The ring contents seq (whose first descriptor is in slot base) after request r
\* claims the n slots a .. a+n-1.  Claiming at the tail appends; a claim that
\* starts inside the ring (only possible without the queue lock, M5) overwrites
\* the descriptors there, and a slot the adapter has already consumed is lost.
Claim(seq, base, a, r, n) ==
    LET first == a - base + 1
        len   == IF first + n - 1 > Len(seq) THEN first + n - 1 ELSE Len(seq)
    IN  [i \in 1 .. len |->
            IF first <= i /\ i <= first + n - 1 THEN ReservedDescriptor(r, i - first + 1)
                                                ELSE seq[i]]

\* The ring contents seq after descriptor d is stored into slot a
\* (nothing changes if the adapter has already consumed that slot).
Store(seq, base, a, d) ==
    LET i == a - base + 1
    IN  IF 1 <= i /\ i <= Len(seq) THEN [seq EXCEPT ![i] = d] ELSE seq
=============================================================================
