/// A failure of a job that is not a problem inside a file (those are ``Ecosystem/ModelError``):
/// a missing input, an output that would destroy something, a choice that does not fit the
/// model. The message says what and where, and what would be valid.
public struct JobError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line for the user.
    public let description: String

    /// An error with `message` as its whole text.
    public init(_ message: String) { description = message }
}
