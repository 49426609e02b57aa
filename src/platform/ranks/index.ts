// The force's one rank ladder: officers on the roll, duty chart slots and the solver share it.
export * from './ranks';
export * from './rank-aliases';
