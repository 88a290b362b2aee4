import Ecosystem
import NetworkAnalysis

/// An actor's ego network as a model of its own, so that every command can work on it: the
/// measures (Burt's constraint and effective size among them) are then computed inside the ego
/// network, as Burt (1992) defines them.
public enum EgoNetwork {
    /// The actors within `radius` steps of `ego` (ties read in either direction, the ego
    /// included; ``NetworkAnalysis/Graph/egoNodes(of:radius:)``) and every relation among them,
    /// self-loops included, in model order.
    ///
    /// - Parameters:
    ///   - model: a validated model.
    ///   - ego: the ego's actor id.
    ///   - radius: steps, at least 1.
    /// - Returns: the model restricted to the ego network; its name is `<name>-ego-<ego>` so
    ///   that outputs do not mix with those of the whole model, and its title says whose ego
    ///   network it is.
    /// - Throws: ``EgoNetworkError``.
    /// - Complexity: `O(a + r log r)`.
    public static func model(_ model: EcosystemModel, ego: String, radius: Int = 1) throws -> EcosystemModel {
        guard radius >= 1 else { throw EgoNetworkError.invalidRadius(radius) }
        guard let center = model.actorIndex(ego) else {
            throw EgoNetworkError.unknownActor(ego, closest: Suggestions.closest(to: ego, in: model.actors.map(\.id)))
        }
        let network = EcosystemNetwork(model: model)
        let kept = Set(network.graph.egoNodes(of: center, radius: radius).map { model.actors[$0].id })
        var result = model
        result.actors = model.actors.filter { kept.contains($0.id) }
        result.relations = model.relations.filter { kept.contains($0.from) && kept.contains($0.to) }
        result.name = "\(model.name)-ego-\(ego)"
        let who = model.actors[center].name
        result.title = "\(model.title): ego network of \(who) (\(radius) step\(radius == 1 ? "" : "s"))"
        return result
    }
}

/// Errors of ``EgoNetwork``.
public enum EgoNetworkError: Error, Equatable, CustomStringConvertible {
    /// The ego is not an actor of the model; the closest ids are suggested.
    case unknownActor(String, closest: [String])
    /// A radius below 1.
    case invalidRadius(Int)

    public var description: String {
        switch self {
        case let .unknownActor(id, closest):
            let hint = closest.isEmpty ? "the model has no actors" : "actors include " + closest.map { "'\($0)'" }.joined(separator: ", ")
            return "ego '\(id)' is not an actor of the model; \(hint)"
        case let .invalidRadius(r):
            return "ego network radius \(r) is not valid; expected a whole number of steps ≥ 1"
        }
    }
}
