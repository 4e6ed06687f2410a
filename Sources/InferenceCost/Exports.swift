// The experiment's summary and the machine it names are ResultValues' types (shared with the
// claims ledger, which reads the summary); they are this library's API too.
@_exported import ResultValues
