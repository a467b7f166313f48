---------------------------- MODULE TraceLogData ----------------------------
(***************************************************************************)
(* The action log that TraceTxOrder matches, as a sequence of records      *)
(* (see TraceTxOrder for their fields).  This one is empty; txorder trace  *)
(* writes each run's log as a module of this name in TLC's work folder,    *)
(* in place of this one.                                                   *)
(*                                                                         *)
(* The log is a definition, not a CONSTANT set with <- in the model: TLC   *)
(* evaluates a constant-level definition once, but re-evaluates the        *)
(* operator a CONSTANT is overridden with at every reference, which made   *)
(* validation quadratic in the log's length (851 records: 12 s as an       *)
(* override, 2.6 s as a definition).                                       *)
(***************************************************************************)
EXTENDS Integers

TraceLog == << >>
=============================================================================
