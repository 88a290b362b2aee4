import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import Foundation
import NetworkAnalysis

/// `ecomap stats`: the analyses that are not one value per actor or per network — roles,
/// key-player sets — each a report of its own (facts and a table).
///
/// A command of its own rather than options on `analyze`: `analyze` maps measure names to
/// columns of one metrics table, while these give sets, matrices and test results, with their
/// own parameters (k, positions, seed, permutations).
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Roles, key-player sets, core–periphery and significance tests: analyses that give a report, not a column.",
        discussion: """
            Each subcommand prints a report: named facts, then a table (a row per actor or per \
            set). --format csv gives the table with the facts as '# name: value' lines; json \
            gives everything.
            """,
        subcommands: [StatsRoles.self, StatsKeyPlayers.self, StatsCorePeriphery.self, StatsMixing.self, StatsQAP.self, StatsQAPRegression.self, StatsCUG.self, StatsCommunities.self, StatsLayers.self])
}

/// The graph, the ego option and the output shared by the `stats` subcommands.
struct StatsInput: ParsableArguments {
    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var graph: String

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var layers: LayerOption

    @OptionGroup var egoNetwork: EgoOptions

    @Option(name: .customLong("format"), help: "Output format: table, csv or json (default: from the extension of -o, else table).")
    var formatOption: TableFormat?

    @OptionGroup var output: OutputFileOption

    var format: TableFormat {
        if let formatOption { return formatOption }
        switch output.output.map({ URL(fileURLWithPath: $0).pathExtension.lowercased() }) {
        case "csv": return .csv
        case "json": return .json
        default: return .table
        }
    }

    func load(_ files: RunFiles) throws -> EcosystemModel {
        try egoNetwork.apply(to: layers.apply(to: loadGraph(graph, directed: input.directed, lenient: input.lenient, at: input.at, files: files)))
    }

    func emit(_ report: StatsReport, files: RunFiles) throws {
        try output.emit(report.written(format), files: files)
    }
}

/// `ecomap stats roles`.
struct StatsRoles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Structural equivalence: how alike actors' ties are, and the positions they form.",
        discussion: """
            Two actors are structurally equivalent when they have the same ties to the same others \
            (Lorrain & White 1971). The profile of an actor is its row (ties sent) and column (ties \
            received) of the adjacency matrix, without the two actors' own entries (Wasserman & \
            Faust 1994, eqs. 9.2–9.3). euclidean: d_ij = sqrt(Σ_k (x_ik − x_jk)² + (x_ki − x_kj)²) \
            (Burt 1976), 0 for equivalent actors; correlation: the Pearson correlation of the two \
            profiles, 1 for equivalent actors. Positions: average-linkage (UPGMA) clustering of the \
            distances (1 − r for correlation) cut into --positions groups, as scipy's \
            linkage(method="average") and fcluster(criterion="maxclust"). Ties are 0/1 with \
            --weight none, tie strengths otherwise.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "euclidean or correlation.")
    var distance: EquivalenceDistance = .euclidean

    @Option(name: .long, help: "Number of positions to cut the clustering into.")
    var positions: Int = 4

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        let report = try RolesJob.run(model, directed: common.input.directed, weighting: common.input.weight,
                                      distance: distance, positions: positions)
        try common.emit(report, files: files)
    }
}

/// `ecomap stats keyplayers`.
struct StatsKeyPlayers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyplayers",
        abstract: "Key-player sets (Borgatti 2006): the k actors that matter most together.",
        discussion: """
            KPP-Neg: the k actors whose removal most raises fragmentation, F = 1 − Σ_{i≠j} r_ij / \
            (n′(n′−1)) over the n′ actors left (r_ij = 1 when j can be reached from i), or \
            distance-weighted fragmentation, DF = 1 − Σ_{i≠j} (1/d_ij) / (n′(n′−1)). KPP-Pos: the \
            k actors that reach the most others within --steps steps, R = share of the other \
            n − k actors at most --steps steps from the set. Ties are read as undirected and \
            counted in steps (hops), as Borgatti defines them. Search: greedy, then single swaps \
            until none improves, from the greedy start and from --restarts random starts (seeded \
            by --seed); the value reported is the exact value of the final set. The table gives \
            every actor's value alone and its rank, so the set can be read beside the \
            single-actor removal ranking (the k best single actors together are in the facts).
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "Size of the set.")
    var k: Int = 3

    @Option(name: .long, help: "fragmentation, distance-weighted-fragmentation (KPP-Neg) or reach (KPP-Pos).")
    var objective: KeyPlayerGoal = .distanceWeightedFragmentation

    @Option(name: .long, help: "Steps within which the set must reach the others (reach only).")
    var steps: Int = 2

    @Option(name: .long, help: "Random starts besides the greedy one (at most \(WorkLimits.maxRestarts)).")
    var restarts: Int = 20

    @OptionGroup var seed: SeedOption

    enum KeyPlayerGoal: String, ExpressibleByArgument, CaseIterable {
        case fragmentation, distanceWeightedFragmentation = "distance-weighted-fragmentation", reach
    }

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        guard (0...WorkLimits.maxRestarts).contains(restarts) else { throw ValidationError("--restarts must be in 0...\(WorkLimits.maxRestarts)") }
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        guard k <= model.actors.count else {
            throw ValidationError("--k \(k) is larger than the \(model.actors.count) actors of the model")
        }
        let goal: KeyPlayerObjective
        switch objective {
        case .fragmentation: goal = .fragmentation
        case .distanceWeightedFragmentation: goal = .distanceWeightedFragmentation
        case .reach: goal = .reach(steps: steps)
        }
        try common.emit(KeyPlayersJob.run(model, k: k, objective: goal, restarts: restarts, seed: seed.seed), files: files)
    }
}

/// `ecomap stats coreperiphery`.
struct StatsCorePeriphery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coreperiphery",
        abstract: "Core–periphery (Borgatti & Everett 1999): who is core, who is periphery, and how well the pattern fits.",
        discussion: """
            Discrete model: the split into core and periphery whose ideal pattern (core members \
            tied to everyone, peripheral members not tied to each other: δ_ij = 1 when i or j is \
            core) the ties fit best, fit = the correlation over pairs of a_ij and δ_ij (as \
            cpnet.BE). Search: every degree-ordered prefix as a core, then single moves from the \
            best one and from --restarts random splits (seeded by --seed). Continuous model: the \
            coreness c minimizing Σ_{i≠j} (a_ij − c_i c_j)², unit length, with the correlation of \
            a_ij and c_i c_j. Ties undirected; 0/1 with --weight none, tie strengths otherwise.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "Random starts of the discrete search besides the degree-ordered one (at most \(WorkLimits.maxRestarts)).")
    var restarts: Int = 20

    @OptionGroup var seed: SeedOption

    func validate() throws {
        guard (0...WorkLimits.maxRestarts).contains(restarts) else { throw ValidationError("--restarts must be in 0...\(WorkLimits.maxRestarts)") }
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        try common.emit(CorePeripheryJob.run(model, weighting: common.input.weight, restarts: restarts, seed: seed.seed), files: files)
    }
}

/// `ecomap stats mixing`.
struct StatsMixing: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mixing",
        abstract: "Is the mixing between groups more than chance? Permutation tests of the E-I index and attribute assortativity.",
        discussion: """
            E-I index (Krackhardt & Stern 1988): (E − I)/(E + I), for the network and each group; \
            attribute assortativity (Newman 2003): (Σ e_gg − Σ a_g b_g)/(1 − Σ a_g b_g). Null \
            model: the actors' group labels shuffled at random (group sizes kept), the network \
            unchanged — UCINET's E-I permutation test. p_greater_or_equal and p_less_or_equal are \
            the shares of the permutations whose statistic is at least / at most the observed one \
            (no +1 correction). A low p_less_or_equal of the E-I index says ties stay within groups \
            more than chance. --exact enumerates every permutation (at most 10 actors); otherwise \
            --permutations random ones from --seed (same seed, same p-values).
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "Actor attribute that forms the groups: type, place, or a free attribute.")
    var groupBy: String = "type"

    @Option(name: .long, help: "Random permutations (at most \(WorkLimits.maxPermutations)).")
    var permutations: Int = 1000

    @Flag(name: .long, help: "Enumerate every permutation (exact p-values; at most 10 actors).")
    var exact = false

    @OptionGroup var seed: SeedOption

    @OptionGroup var control: RunControlOptions

    func validate() throws {
        guard (1...WorkLimits.maxPermutations).contains(permutations) else { throw ValidationError("--permutations must be in 1...\(WorkLimits.maxPermutations)") }
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        if exact && model.actors.count > 10 {
            throw ValidationError("--exact enumerates n! permutations; the model has \(model.actors.count) actors (at most 10)")
        }
        let report = try control.run {
            try MixingJob.run(model, directed: common.input.directed, attribute: groupBy, permutations: permutations,
                              seed: seed.seed, exact: exact, monitor: control.monitor("permutations"))
        }
        try common.emit(report, files: files)
    }
}

/// `ecomap stats qap`.
struct StatsQAP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qap",
        abstract: "QAP correlation between two relations: two relation-type layers, or a layer and shared attributes.",
        discussion: """
            The Pearson correlation of the two actor-by-actor matrices over their off-diagonal \
            cells (unordered pairs unless --directed), tested against the correlations when the \
            second matrix's rows and columns are permuted together (Krackhardt 1987; Hubert & \
            Schultz 1976): p_greater_or_equal is the share of permutations with a correlation at \
            least the observed one. --layers A,B correlates the ties of relation type A with those \
            of B (A+C joins types; `all` is every type); --layers A --same ATTRIBUTE correlates the ties of A with \
            "same type/place/attribute". Ties 0/1 with --weight none, summed strengths otherwise.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: ArgumentHelp("Relation types: A,B for two layers (A+C joins types), or one layer with --same.", valueName: "A,B"))
    var layers: String

    @Option(name: .long, help: ArgumentHelp("Correlate the layer with 'same value of this attribute' (type, place or free).", valueName: "attribute"))
    var same: String?

    @Option(name: .long, help: "Random permutations (at most \(WorkLimits.maxPermutations)).")
    var permutations: Int = 1000

    @Flag(name: .long, help: "Enumerate every permutation (exact p-values; at most 10 actors).")
    var exact = false

    @OptionGroup var seed: SeedOption

    @OptionGroup var control: RunControlOptions

    func relations() throws -> (QAPJob.Relation, QAPJob.Relation) {
        let parts = layers.split(separator: ",").map { part -> [String] in
            let types = part.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
            return types == ["all"] ? [] : types
        }
        if let same {
            guard parts.count == 1 else { throw ValidationError("--same takes one layer: --layers A --same \(same)") }
            return (.ties(types: parts[0]), .sameAttribute(same))
        }
        guard parts.count == 2 else { throw ValidationError("--layers needs two relation types A,B (or one with --same ATTRIBUTE)") }
        return (.ties(types: parts[0]), .ties(types: parts[1]))
    }

    func validate() throws {
        guard (1...WorkLimits.maxPermutations).contains(permutations) else { throw ValidationError("--permutations must be in 1...\(WorkLimits.maxPermutations)") }
        _ = try relations()
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        let (a, b) = try relations()
        let report = try control.run {
            try QAPJob.run(model, first: a, second: b, directed: common.input.directed, weighting: common.input.weight,
                           permutations: permutations, seed: seed.seed, exact: exact, monitor: control.monitor("permutations"))
        }
        try common.emit(report, files: files)
    }
}

/// `ecomap stats qapreg`.
struct StatsQAPRegression: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qapreg",
        abstract: "QAP regression: which relations predict a relation, each controlling for the others (double semi-partialling).",
        discussion: """
            Ordinary least squares of the --dependent relation on the --predictor relations over \
            the off-diagonal cells of the actor-by-actor matrices (unordered pairs unless \
            --directed), with an intercept: y_ij = b0 + Σ b_k x_k,ij + e_ij (Krackhardt 1988). \
            Each predictor's p-value comes from double semi-partialling (Dekker, Krackhardt & \
            Snijders 2007, doi:10.1007/s11336-007-9016-1): the predictor is regressed on the \
            others, the rows and columns of its residual matrix are permuted together, y is \
            regressed on the permuted residual and the other predictors, and the t-value of the \
            residual is compared with the observed t-value. p_two_sided: share of permutations \
            with |t| at least the observed |t|; p_greater_or_equal / p_less_or_equal: one-sided \
            (no +1 correction). This is R sna's netlm(nullhyp = "qapspp"); it stays valid when \
            predictors are correlated with each other. A relation is TYPE (ties of one relation \
            type), A+B (types joined), all (every type) or same:ATTRIBUTE (1 for two actors with \
            the same type, place or free attribute). Ties 0/1 with --weight none, summed \
            strengths otherwise. Same --seed, same p-values.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: ArgumentHelp("The relation explained: TYPE, A+B or all.", valueName: "relation"))
    var dependent: String

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "A relation that explains it: TYPE, A+B, all or same:ATTRIBUTE (repeat, or separate with commas).", valueName: "relation"))
    var predictor: [String] = []

    @Option(name: .long, help: "Random permutations (at most \(WorkLimits.maxPermutations)).")
    var permutations: Int = 1000

    @Flag(name: .long, help: "Enumerate every permutation (exact p-values; at most 10 actors).")
    var exact = false

    @OptionGroup var seed: SeedOption

    static func relation(_ text: String) -> QAPJob.Relation {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("same:") { return .sameAttribute(String(t.dropFirst(5))) }
        let types = t.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        return types == ["all"] ? .ties(types: []) : .ties(types: types)
    }

    var predictors: [QAPJob.Relation] {
        predictor.flatMap { $0.split(separator: ",") }.map { Self.relation(String($0)) }
    }

    func validate() throws {
        guard (1...WorkLimits.maxPermutations).contains(permutations) else { throw ValidationError("--permutations must be in 1...\(WorkLimits.maxPermutations)") }
        guard !predictors.isEmpty else { throw ValidationError("give at least one --predictor (TYPE, A+B, all or same:ATTRIBUTE)") }
        if case .sameAttribute = Self.relation(dependent) { throw ValidationError("--dependent is a relation type (TYPE, A+B or all), not same:ATTRIBUTE") }
    }

    @OptionGroup var control: RunControlOptions

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        let report = try control.run {
            try QAPJob.regression(model, dependent: Self.relation(dependent), predictors: predictors,
                                  directed: common.input.directed, weighting: common.input.weight,
                                  permutations: permutations, seed: seed.seed, exact: exact, monitor: control.monitor("permutations"))
        }
        try common.emit(report, files: files)
    }
}

/// `ecomap stats cug`.
struct StatsCUG: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cug",
        abstract: "Conditional uniform graph tests: are density, transitivity, reciprocity and the centralizations unusual for a random network of the same size?",
        discussion: """
            Each index of the network (unweighted, simple graph) against the same index of --draws \
            random networks with the same actors (--condition size: every possible tie present with \
            probability 1/2) or also the same number of ties (--condition edges: G(n, m)), as R \
            sna's cug.test (Anderson, Butts & Carley 1999), or the same degree of every actor \
            (--condition degrees; in- and out-degrees with --directed): networks drawn by \
            degree-preserving edge swaps (Maslov & Sneppen 2002), one chain from the observed \
            network, 100·m attempted swaps before the first draw and 10·m between draws (m ties); \
            with --directed, swaps cannot reverse a directed triangle, so a few such networks may \
            be out of reach. p_greater_or_equal / p_less_or_equal: share of the random networks \
            with an index at least / at most the observed one. Same --seed, same p-values.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "size, edges (size and number of ties) or degrees (degree sequence).")
    var condition: CUGCondition = .edges

    @Option(name: .long, help: "Random networks per index (at most \(WorkLimits.maxDraws)).")
    var draws: Int = 1000

    @OptionGroup var control: RunControlOptions

    @OptionGroup var seed: SeedOption

    func validate() throws {
        guard (1...WorkLimits.maxDraws).contains(draws) else { throw ValidationError("--draws must be in 1...\(WorkLimits.maxDraws)") }
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        let report = try control.run {
            try CUGJob.run(model, directed: common.input.directed, condition: condition, draws: draws, seed: seed.seed,
                           monitor: control.monitor("random networks"))
        }
        try common.emit(report, files: files)
    }
}

/// `ecomap stats communities`.
struct StatsCommunities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Are the communities stable? Leiden or Louvain over many seeds, or over sampled ties (--samples).",
        discussion: """
            Runs the method --runs times with other seeds (or, with --samples N, N times on \
            networks that keep each relation with its confidence, as analyze --samples does, each \
            with its own seed) and compares the partitions. co-membership: the share of runs in \
            which two actors are in one community (--matrix prints it). consensus: the same method \
            on the co-membership network of the pairs together in at least half of the runs \
            (one round of Lancichinetti & Fortunato 2012, doi:10.1038/srep00336). modal_share: \
            the share of runs in which an actor is in the run's community that best matches its \
            consensus community. Agreement between every pair of runs: the adjusted Rand index \
            (Hubert & Arabie 1985; 1 = the same split, 0 = chance) and the normalized mutual \
            information (arithmetic normalization, as scikit-learn), mean and smallest. The \
            finding says the communities are unstable when the mean adjusted Rand index is below \
            0.8 or an actor's modal share is below 0.7. Same --seed, same report.
            """)

    @OptionGroup var common: StatsInput

    @Option(name: .long, help: "leiden or louvain.")
    var method: CommunityStabilityJob.Method = .leiden

    @Option(name: .long, help: "Runs with other seeds on the whole network.")
    var runs: Int = 50

    @Option(name: .long, help: "Runs on sampled networks instead (each relation kept with its confidence).")
    var samples: Int?

    @Option(name: .long, help: "Resolution γ of modularity (1: Newman's modularity).")
    var resolution: Double = 1

    @Flag(name: .long, help: "Print the co-membership matrix (actor by actor) as the table.")
    var matrix = false

    @OptionGroup var control: RunControlOptions

    @OptionGroup var seed: SeedOption

    func validate() throws {
        guard (1...WorkLimits.maxRuns).contains(runs) else { throw ValidationError("--runs must be in 1...\(WorkLimits.maxRuns)") }
        if let samples, !(1...WorkLimits.maxSamples).contains(samples) {
            throw ValidationError("--samples must be in 1...\(WorkLimits.maxSamples)")
        }
        guard resolution.isFinite, resolution >= 0 else { throw ValidationError("--resolution must be a finite number ≥ 0") }
    }

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        let report = try control.run {
            try CommunityStabilityJob.run(
                model, method: method, runs: samples ?? runs, sampled: samples != nil, directed: common.input.directed,
                weighting: common.input.weight, resolution: resolution, seed: seed.seed, matrix: matrix,
                monitor: control.monitor("runs"))
        }
        try common.emit(report, files: files)
    }
}

/// `ecomap stats layers`.
struct StatsLayers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layers",
        abstract: "Multiplex overlap: how many ties each pair of relation layers shares, and their Jaccard index.",
        discussion: """
            A layer is the ties of one relation type, as a set of actor pairs (unordered pairs \
            unless --directed; a tie of an undirected type then counts both ways; self-ties left \
            out; several relations of one type between two actors are one tie). For every pair of \
            layers A, B: ties_a, ties_b, shared = |A ∩ B| and jaccard = |A ∩ B| / |A ∪ B| (0: no tie \
            in common, 1: the same ties; Battiston, Nicosia & Latora 2014 call the shared ties the \
            edge overlap). Use --layer TYPE on any command to work on one layer, and analyze \
            --per-layer for the measures of every layer.
            """)

    @OptionGroup var common: StatsInput

    func run() throws {
        let files = RunFiles()
        let model = try common.load(files)
        try common.emit(LayersJob.run(model, directed: common.input.directed), files: files)
    }
}

extension CommunityStabilityJob.Method: ExpressibleByArgument {}
extension CUGCondition: ExpressibleByArgument {}
extension EquivalenceDistance: ExpressibleByArgument {}
