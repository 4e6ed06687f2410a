// The registrations are values of the experiment model's types: whoever reads a registration
// reads those types too.
@_exported import ExperimentModel
