import Ecosystem
import NetworkAnalysis

/// Computes measures of a model into a ``MetricsTable``.
public enum EcosystemAnalyzer {
    /// The requested measures of `model`, node-level ones as columns and network-level ones in
    /// `network`, in the order asked for.
    ///
    /// - Parameters:
    ///   - model: a validated model or a loaded edge list.
    ///   - measures: names from ``MeasureCatalog``.
    ///   - options: direction, weighting, normalization, grouping, seed.
    /// - Returns: the table; a measure with no unique answer on this network (``GraphError/undefined(algorithm:reason:)``)
    ///   or whose iteration does not converge (``GraphError/notConverged(algorithm:iterations:tolerance:)``)
    ///   gets NaN values and an entry in ``MetricsTable/undefined`` instead of failing the run.
    /// - Throws: ``AnalysisError/unknownMeasure(_:valid:)`` for a name not in the catalog,
    ///   ``AnalysisError/unknownGroupAttribute(_:valid:)`` for a grouping attribute no actor has, and
    ///   ``AnalysisError/measureFailed(_:_:)`` for any other ``GraphError``, e.g. a
    ///   non-positive weight on a path measure.
    /// - Complexity: the sum of the measures' costs (see each `NetworkAnalysis` function);
    ///   results several measures share (all-pairs path statistics, structural holes,
    ///   brokerage, HITS, Louvain, Leiden) are computed once per call. Pair measures list all
    ///   `O(n²)` non-adjacent pairs.
    ///
    /// References: each measure's formula, conventions and source (author, year, venue, DOI) are
    /// in the doc comment of the `NetworkAnalysis` function its catalog entry calls; the
    /// one-line ``MeasureDefinition/convention`` names the source.
    public static func metrics(
        of model: EcosystemModel, measures: [String], options: AnalysisOptions = AnalysisOptions()
    ) throws -> MetricsTable {
        try checkWeights(of: model, weighting: options.weighting)
        let network = EcosystemNetwork(model: model, directed: options.directed)
        var input = MeasureInput(network: network, options: options, groups: try groups(of: model, by: options.groupAttribute))
        input.passMeasures = MeasureInput.pathPassMeasures(for: measures, foldsLeaves: MeasureInput.foldsLeaves(network.graph))
        var names: [String] = []
        var columns: [[Double]] = []
        var graphValues: [(name: String, value: Double)] = []
        var undefined: [(measure: String, reason: String)] = []
        var pairs: [(Int, Int)] = []
        var pairNames: [String] = []
        var pairColumns: [[Double]] = []
        var edgeNames: [String] = []
        var edgeColumns: [[Double]] = []
        for name in measures {
            guard let definition = MeasureCatalog.named(name) else {
                throw AnalysisError.unknownMeasure(name, valid: MeasureCatalog.all.map(\.name))
            }
            do {
                if let node = definition.node {
                    names.append(name)
                    columns.append(try node(input))
                } else if let predictor = definition.pair {
                    if pairs.isEmpty { pairs = nonAdjacentPairs(network.simpleGraph) }
                    pairNames.append(name)
                    pairColumns.append(try network.simpleGraph.linkPredictionScores(for: pairs, predictor: predictor))
                } else if let edge = definition.edge {
                    edgeNames.append(name)
                    edgeColumns.append(try edge(input))
                } else if let compute = definition.network {
                    graphValues.append((name, try compute(input)))
                }
            } catch let error as GraphError where error.isNoAnswer {
                // No unique answer on this network (or none found by the iteration): report it
                // and write NaN (null), not numbers; the other measures are still computed.
                undefined.append((name, error.noAnswerReason))
                if definition.level == .node {
                    columns.append([Double](repeating: .nan, count: model.actors.count))
                } else if definition.level == .edge {
                    edgeColumns.append([Double](repeating: .nan, count: network.graph.edgeCount))
                } else {
                    graphValues.append((name, .nan))
                }
            } catch let GraphError.invalidWeight(edge, value, reason) {
                throw AnalysisError.invalidWeight(relation: relationID(ofSimpleEdge: edge, in: network), value: value, reason: reason)
            } catch let error as GraphError {
                throw AnalysisError.measureFailed(name, error)
            }
        }
        return MetricsTable(
            nodeIDs: model.actors.map(\.id), nodeNames: model.actors.map(\.name),
            labels: [(name: "type", values: model.actors.map(\.type)), (name: "place", values: model.actors.map(\.place))],
            measures: names, columns: columns, network: graphValues, undefined: undefined,
            edges: edgeNames.isEmpty ? nil : EdgeMetrics(
                ids: network.edgeLabels, from: network.edgeEndpointIDs.from, to: network.edgeEndpointIDs.to,
                measures: edgeNames, columns: edgeColumns),
            pairs: pairNames.isEmpty ? nil : PairMetrics(
                u: pairs.map { model.actors[$0.0].id }, v: pairs.map { model.actors[$0.1].id },
                measures: pairNames, columns: pairColumns))
    }

    /// Tie strengths the measures can use: finite and within `1e-150…1e150` when weights are
    /// read (sums of larger strengths overflow to infinity, and spectral measures lose all
    /// precision at such scales), so a model never gets silently wrong numbers.
    ///
    /// - Throws: ``AnalysisError/invalidWeight(relation:value:reason:)`` naming the relation.
    public static func checkWeights(of model: EcosystemModel, weighting: EdgeWeighting) throws {
        guard weighting != .unweighted else { return }
        for relation in model.relations {
            let w = relation.weight
            guard w.isFinite, w > 0 else {
                throw AnalysisError.invalidWeight(relation: relation.id, value: w, reason: "weights must be positive finite numbers")
            }
            guard w >= 1e-150, w <= 1e150 else {
                throw AnalysisError.invalidWeight(
                    relation: relation.id, value: w,
                    reason: "weights must lie within 1e-150…1e150 (rescale them, or use the unweighted reading)")
            }
        }
    }

    /// The id of the first relation merged into edge `edge` of the simple graph.
    static func relationID(ofSimpleEdge edge: Int, in network: EcosystemNetwork) -> String {
        guard let e = network.simpleEdge.firstIndex(of: edge) else { return "edge \(edge)" }
        return network.model.relations[network.edgeRelation[e]].id
    }

    /// Every pair `u < v` of distinct nodes with no tie in either direction, in `(u, v)` order.
    /// Complexity: `O(n² + m)`.
    static func nonAdjacentPairs(_ graph: Graph) -> [(Int, Int)] {
        let n = graph.nodeCount
        var adjacent = Set<Int>()
        for e in 0..<graph.edgeCount {
            let a = Int(graph.edgeSources[e]), b = Int(graph.edgeTargets[e])
            adjacent.insert(min(a, b) * n + max(a, b))
        }
        var pairs: [(Int, Int)] = []
        for u in 0..<n { for v in (u + 1)..<max(u + 1, n) where !adjacent.contains(u * n + v) { pairs.append((u, v)) } }
        return pairs
    }

    /// Group index per actor for the grouping measures (brokerage, E-I index, group
    /// modularity): ``EcosystemModel/groups(byAttributeNamed:)``.
    /// - Parameters:
    ///   - model: the model.
    ///   - attribute: the grouping attribute's name (``ActorAttribute/init(_:)``).
    /// - Returns: one group index per actor, in model order; actors without a value share a group.
    /// - Throws: ``AnalysisError/unknownGroupAttribute(_:valid:)`` when no actor has a value for
    ///   the attribute (an empty model has nothing to group and does not throw).
    /// - Complexity: as ``EcosystemModel/groups(by:)``.
    static func groups(of model: EcosystemModel, by attribute: String) throws -> [Int] {
        guard !model.actors.isEmpty else { return [] }
        do {
            return try model.groups(byAttributeNamed: attribute).index
        } catch let .noActorHas(name, valid) {
            throw AnalysisError.unknownGroupAttribute(name, valid: valid)
        }
    }
}

extension GraphError {
    /// Whether the measure has no answer here (undefined, or not found by its iteration),
    /// rather than a problem with the input.
    var isNoAnswer: Bool {
        switch self {
        case .undefined, .notConverged: return true
        default: return false
        }
    }

    /// Why there is no answer, for ``MetricsTable/undefined``.
    var noAnswerReason: String {
        switch self {
        case let .undefined(algorithm, reason): return "\(algorithm) is undefined here: \(reason)"
        case let .notConverged(algorithm, iterations, tolerance):
            return "\(algorithm) did not converge within \(iterations) iterations (tolerance \(tolerance))"
        default: return description
        }
    }
}
