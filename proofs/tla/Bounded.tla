------------------------------ MODULE Bounded -------------------------------
(***************************************************************************)
(* Finite stand-ins for the infinite sets of TypeOK, so that TLC can       *)
(* enumerate every type-correct state within bounds.                       *)
(***************************************************************************)
EXTENDS Naturals, Sequences

\* The sequences of length at most n with elements in S.  Written as a
\* filter of Seq(S) so that TLC tests membership element by element instead
\* of building the set.
BSeq(S, n) == {s \in Seq(S) : Len(s) <= n}

\* The concatenation of a sequence of sequences.
RECURSIVE Flatten(_)
Flatten(ss) == IF ss = <<>> THEN <<>> ELSE Head(ss) \o Flatten(Tail(ss))

\* Every interleaving of the sequences s and t (each keeps its own order).
RECURSIVE Shuffle(_, _)
Shuffle(s, t) ==
    IF s = <<>> THEN {t}
    ELSE IF t = <<>> THEN {s}
    ELSE {<<Head(s)>> \o x : x \in Shuffle(Tail(s), t)} \cup {<<Head(t)>> \o x : x \in Shuffle(s, Tail(t))}

\* The functions f on the domain of S (a function to sets) with f[x] \in S[x] for every x.
Choices(S) == {f \in [DOMAIN S -> UNION {S[x] : x \in DOMAIN S}] : \A x \in DOMAIN S : f[x] \in S[x]}

\* Every interleaving of the sequences ss[1], ss[2], ...
RECURSIVE ShuffleAll(_)
ShuffleAll(ss) ==
    IF ss = <<>> THEN {<<>>}
    ELSE UNION {Shuffle(Head(ss), x) : x \in ShuffleAll(Tail(ss))}
=============================================================================
