------------------------------ MODULE SlotRing ------------------------------
(***************************************************************************)
(* One descriptor ring as the Java driver lays it out (TxRing): an array   *)
(* of Slots rows, where position p lives in row p % Slots and positions    *)
(* only grow, so the ring wraps every Slots positions.                     *)
(*                                                                         *)
(* Module Ring abstracts a ring as the sequence of its live descriptors,   *)
(* each with a ready flag, and TxOrder's properties are proved over that   *)
(* sequence.  This module checks the step below it: that the array, with   *)
(* one ready mark per row, implements the sequence across wrap-around      *)
(* (RefinesSequenceRing), so that what TxOrder proves of the sequence      *)
(* holds of the array.                                                     *)
(*                                                                         *)
(*   row i's mark  the position last published in row i (-1: none yet);   *)
(*                 the adapter reads row head % Slots only when its mark   *)
(*                 equals head, so a mark left by the lap before (head -   *)
(*                 Slots) never passes for this lap's                      *)
(*   M10           the mark is a flag that nobody clears: the adapter      *)
(*                 reads a marked row as ready up to the tail, so after a  *)
(*                 wrap a slot that is reserved but not yet written shows  *)
(*                 the previous lap's descriptor, which is transmitted a   *)
(*                 second time (and the new one, written behind the head,  *)
(*                 is never read)                                          *)
(*                                                                         *)
(* Who writes what, as in TxRing: the owner of the ring (whoever holds     *)
(* the group's assignment lock or the queue's lock, serialised by TxOrder) *)
(* reserves at the tail, waiting while the ring has no room below what the *)
(* adapter has handed back; every reserved position is then written and   *)
(* published by its sender, in any order and at any time; the adapter      *)
(* reads at its head and hands consumed rows back in batches.  A row's     *)
(* contents and its mark are one step here: the order of the two stores   *)
(* is the memory model's business (M8), not this module's.                 *)
(***************************************************************************)
EXTENDS Integers, Sequences, FiniteSets, Mutants

CONSTANTS
    Capacity,   \* descriptors the ring may hold at once (TxRing's capacity)
    Slots,      \* rows of the array: Capacity rounded up to a power of two
    Positions,  \* positions reserved over a run: 0 .. Positions - 1
    MaxClaim    \* the most positions one reservation claims (a request's packets)

ASSUME SlotRingWellFormed ==
    /\ Capacity \in Nat \ {0} /\ Slots \in Nat /\ Capacity <= Slots
    /\ Positions \in Nat /\ MaxClaim \in 1 .. Capacity

Never == -1     \* the mark of a row nothing has been published in

VARIABLES
    tail,       \* TAIL: the next position to reserve
    unwritten,  \* the positions reserved and not yet published
    row,        \* row[i]: the descriptor in row i, named by the position it was written for
    mark,       \* mark[i]: the position last published in row i, or Never
    head,       \* HEAD: the adapter's next position
    consumed,   \* CONSUMED: every position below it handed back to the senders
    wire        \* the descriptors the adapter read, in order

slotVars == <<tail, unwritten, row, mark, head, consumed, wire>>

Rows == 0 .. Slots - 1

TypeOK ==
    /\ tail \in 0 .. Positions
    /\ unwritten \subseteq 0 .. Positions - 1
    /\ row \in [Rows -> {Never} \cup 0 .. Positions - 1]
    /\ mark \in [Rows -> {Never} \cup 0 .. Positions - 1]
    /\ head \in Nat /\ consumed \in Nat
    /\ wire \in Seq(0 .. Positions - 1)

Init ==
    /\ tail = 0
    /\ unwritten = {}
    /\ row = [i \in Rows |-> Never]
    /\ mark = [i \in Rows |-> Never]
    /\ head = 0
    /\ consumed = 0
    /\ wire = <<>>

\* The owner claims n positions at the tail, when the adapter has handed back
\* enough rows that the ring holds at most Capacity live positions.
Reserve(n) ==
    /\ tail + n <= Positions
    /\ tail + n - Capacity <= consumed
    /\ tail' = tail + n
    /\ unwritten' = unwritten \cup (tail .. tail + n - 1)
    /\ UNCHANGED <<row, mark, head, consumed, wire>>

\* The sender of position p writes its row and publishes it.
Write(p) ==
    /\ p \in unwritten
    /\ row' = [row EXCEPT ![p % Slots] = p]
    /\ mark' = [mark EXCEPT ![p % Slots] = p]
    /\ unwritten' = unwritten \ {p}
    /\ UNCHANGED <<tail, head, consumed, wire>>

\* What the adapter takes for "the row at my head is ready".
HeadReady ==
    IF Mutant = "M10" THEN head < tail /\ mark[head % Slots] # Never
                      ELSE mark[head % Slots] = head

\* The adapter reads the row at its head and moves on.
Read ==
    /\ HeadReady
    /\ wire' = Append(wire, row[head % Slots])
    /\ head' = head + 1
    /\ UNCHANGED <<tail, unwritten, row, mark, consumed>>

\* The adapter hands the rows below its head back to the senders (one store per batch).
HandBack ==
    /\ consumed < head
    /\ consumed' = head
    /\ UNCHANGED <<tail, unwritten, row, mark, head, wire>>

\* Every position reserved, published, read and handed back: the run is over.
Done ==
    /\ consumed = Positions
    /\ UNCHANGED slotVars

Next ==
    \/ \E n \in 1 .. MaxClaim : Reserve(n)
    \/ \E p \in unwritten : Write(p)
    \/ Read
    \/ HandBack
    \/ Done

\* Senders keep reserving while there is work, every reserved position is
\* eventually written, and the adapter keeps reading and handing back.
Fairness ==
    /\ WF_slotVars(\E n \in 1 .. MaxClaim : Reserve(n))
    /\ \A p \in 0 .. Positions - 1 : WF_slotVars(Write(p))
    /\ WF_slotVars(Read)
    /\ WF_slotVars(HandBack)

Spec == Init /\ [][Next]_slotVars /\ Fairness

-----------------------------------------------------------------------------
(* What the ring must do *)

\* No descriptor is read twice: NoDuplicate at the level of one ring.
NoDuplicate == \A i, j \in DOMAIN wire : i < j => wire[i] # wire[j]

\* The adapter reads every descriptor it reads in position order, and only
\* the descriptor written for that position: wire[i] is position i - 1.
RingFifo == \A i \in DOMAIN wire : wire[i] = i - 1

\* No two live positions share a row: a sender never overwrites a row the
\* adapter has not handed back.  SlotExclusion at the level of one ring.
SlotExclusion == tail - consumed <= Slots /\ consumed <= head /\ head <= tail

\* Everything reserved is eventually read: Progress at the level of one ring
\* (with RingFifo, also NoLoss: every position 0 .. Positions - 1 is read).
Progress == <>[](head = Positions)

(***************************************************************************)
(* The refinement.  The live positions head .. tail - 1, each ready once   *)
(* it is published, are the sequence Ring.tla keeps for this ring          *)
(* (queues[g][q], with sent[g][q] = head).  Every step of the array must   *)
(* be a step of that sequence: a claim appends not-ready descriptors, a    *)
(* write makes one of them ready, a read takes a ready head and puts it    *)
(* on the wire; a hand-back changes nothing the sequence shows.            *)
(***************************************************************************)
Live == [i \in 1 .. tail - head |-> [pos |-> head + i - 1, ready |-> head + i - 1 \notin unwritten]]

SeqClaim ==
    /\ \E n \in 1 .. MaxClaim :
         Live' = Live \o [i \in 1 .. n |-> [pos |-> tail + i - 1, ready |-> FALSE]]
    /\ UNCHANGED wire

SeqWrite ==
    /\ \E i \in DOMAIN Live :
         /\ ~Live[i].ready
         /\ Live' = [Live EXCEPT ![i].ready = TRUE]
    /\ UNCHANGED wire

SeqTake ==
    /\ Live # <<>>
    /\ Head(Live).ready
    /\ Live' = Tail(Live)
    /\ wire' = Append(wire, Head(Live).pos)

RefinesSequenceRing == [][SeqClaim \/ SeqWrite \/ SeqTake]_<<Live, wire>>
=============================================================================
