/// A model as a foreign file gives it, before validation: what every reader of
/// `Sources/Ecosystem/Formats` produces, and what ``ModelBuilder`` turns into a checked
/// ``EcosystemModel``. Values are kept as the text the file holds (numbers already in `.`
/// decimal notation), each with the place it came from, so that every problem the builder
/// finds names file (and sheet), line or row, and column.
public struct ModelDraft: Sendable {
    /// Where a value was written: a file (with `sheet` inside a workbook), a 1-based line (or
    /// row), a 1-based column. `line` 0 means the file as a whole.
    public struct Place: Sendable, Equatable {
        /// The file as the caller named it.
        public var file: String
        /// The sheet of a workbook, or `nil`.
        public var sheet: String?
        /// 1-based line or row; 0 for no position.
        public var line: Int
        /// 1-based column; 0 for no position.
        public var column: Int
        /// A place as given.
        public init(file: String, sheet: String? = nil, line: Int = 0, column: Int = 0) {
            self.file = file; self.sheet = sheet; self.line = line; self.column = column
        }
        /// The same place at another column.
        public func at(column: Int) -> Place { var p = self; p.column = column; return p }
    }

    /// A declared actor type; `nil` fields are not set by the file.
    public struct ActorTypeEntry: Sendable {
        /// The id as written (trimmed by the builder).
        public var id: String
        /// Label as written, or `nil`.
        public var label: String?
        /// Colour as written, or `nil` (declared automatically).
        public var color: String?
        /// Graphviz shape as written, or `nil` (declared automatically).
        public var shape: String?
        /// Helix sphere as written, or `nil`.
        public var helix: String?
        /// Where the declaration is written.
        public var place: Place
        /// Columns of the fields, by field name (`id`, `color`, …), for issues.
        public var columns: [String: Int] = [:]
        /// An entry as given (not validated; ``ModelBuilder`` checks it).
        public init(id: String, label: String? = nil, color: String? = nil, shape: String? = nil, helix: String? = nil, place: Place) {
            self.id = id; self.label = label; self.color = color; self.shape = shape; self.helix = helix; self.place = place
        }
    }

    /// A declared relation type; `directed` `nil` means "as the loader's default".
    public struct RelationTypeEntry: Sendable {
        /// The id as written (trimmed by the builder).
        public var id: String
        /// Label as written, or `nil`.
        public var label: String?
        /// Colour as written, or `nil` (declared automatically).
        public var color: String?
        /// Line style as written, or `nil`.
        public var style: String?
        /// Direction as written (`true`, `yes`, `directed`, …), or `nil` for the loader's default.
        public var directed: String?
        /// Where the declaration is written.
        public var place: Place
        /// Column of each field, by field name, for issues.
        public var columns: [String: Int] = [:]
        /// An entry as given (not validated; ``ModelBuilder`` checks it).
        public init(id: String, label: String? = nil, color: String? = nil, style: String? = nil, directed: String? = nil, place: Place) {
            self.id = id; self.label = label; self.color = color; self.style = style; self.directed = directed; self.place = place
        }
    }

    /// An actor (a node, an element, a row of the actors sheet).
    public struct ActorEntry: Sendable {
        /// The id as written (trimmed by the builder).
        public var id: String
        /// Display name, or `nil` (the id).
        public var name: String?
        /// Type id, or `nil` (the default type).
        public var type: String?
        /// Where the actor is based, or `nil`.
        public var place: String?
        /// Free attributes, in column order.
        public var attributes: [(key: String, value: String)]
        /// When it began, as written (``PartialDate``), or `nil`.
        public var since: String? = nil
        /// When it ended, as written, or `nil`.
        public var until: String? = nil
        /// Where it is written (the cell of its id, or of `from`).
        public var at: Place
        /// Column of each field, by field name, for issues.
        public var columns: [String: Int] = [:]
        /// An entry as given (not validated; ``ModelBuilder`` checks it).
        public init(id: String, name: String? = nil, type: String? = nil, place: String? = nil,
                    attributes: [(key: String, value: String)] = [], at: Place) {
            self.id = id; self.name = name; self.type = type; self.place = place; self.attributes = attributes; self.at = at
        }
    }

    /// A relation (an edge, a connection, a row of the relations sheet). `directed` is a
    /// per-edge direction some formats carry (Gephi's `Type` column, GEXF/GraphML edges).
    public struct RelationEntry: Sendable {
        /// The id, when the file gives one.
        public var id: String?
        /// The actor it starts at, as written.
        public var from: String
        /// The actor it goes to, as written.
        public var to: String
        /// Type id, or `nil` (the default type).
        public var type: String?
        /// Weight as text in `.` notation, or `nil` (1).
        public var weight: String?
        /// Where the tie is documented, or `nil`.
        public var source: String?
        /// Why the tie is assumed, or `nil`.
        public var assumed: String?
        /// Probability the tie exists as text, or `nil` (certain).
        public var confidence: String?
        /// The edge's own direction (Gephi's `Type`, Kumu's `direction`), or `nil`.
        public var directed: Bool?
        /// Free attributes, in column order.
        public var attributes: [(key: String, value: String)]
        /// When it began, as written (``PartialDate``), or `nil`.
        public var since: String? = nil
        /// When it ended, as written, or `nil`.
        public var until: String? = nil
        /// Where it is written (the cell of its id, or of `from`).
        public var at: Place
        /// Column of each field, by field name, for issues.
        public var columns: [String: Int] = [:]
        /// An entry as given (not validated; ``ModelBuilder`` checks it).
        public init(id: String? = nil, from: String, to: String, type: String? = nil, weight: String? = nil,
                    source: String? = nil, assumed: String? = nil, confidence: String? = nil, directed: Bool? = nil,
                    attributes: [(key: String, value: String)] = [], at: Place) {
            self.id = id; self.from = from; self.to = to; self.type = type; self.weight = weight; self.source = source
            self.assumed = assumed; self.confidence = confidence; self.directed = directed; self.attributes = attributes; self.at = at
        }
    }

    /// The model's name (the file's base name unless the file says otherwise).
    public var name: String
    /// Title (empty: the name).
    public var title: String = ""
    /// Free text about the model.
    public var description: String = ""
    /// The language of the model's texts (BCP 47, ``LanguageTag``).
    public var language: String = LanguageTag.defaultTag
    /// The date the picture was taken, as written, or `nil`.
    public var observed: String? = nil
    /// Where ``observed`` is written.
    public var observedPlace: Place? = nil
    /// Declared actor types, in order.
    public var actorTypes: [ActorTypeEntry] = []
    /// Declared relation types, in order.
    public var relationTypes: [RelationTypeEntry] = []
    /// Actors, in order.
    public var actors: [ActorEntry] = []
    /// Relations, in order.
    public var relations: [RelationEntry] = []
    /// Whether relations may name actors that are not listed (an edge list): they are then
    /// created in order of first appearance, name = id.
    public var createsActors = false
    /// The type of actors that give none.
    public var defaultActorType = "actor"
    /// Direction of relation types the file does not declare (and of edges without one).
    public var defaultDirected = false
    /// Problems the reader found itself (malformed rows, bad headers); the builder adds its own.
    public var issues: [ModelIssue] = []
    /// What the reader wants the user to know (columns kept as attributes, …).
    public var notes: [String] = []

    /// An empty draft named `name`.
    public init(name: String) { self.name = name }
}

/// A model read from a file in any format, and what the loader wants the user to know: types
/// it declared, ids it merged with `lenient`, columns it kept as attributes. The library never
/// prints; the command line shows the notes on standard error.
public struct LoadedModel: Sendable {
    /// The validated model.
    public var model: EcosystemModel
    /// One line per note, in plain words.
    public var notes: [String]
    /// Every file read (a CSV pair reads two), as named in issues.
    public var files: [String]
    /// Node positions the file carried (GEXF `viz:position`), in points, by actor id.
    public var positions: [String: (x: Double, y: Double)]

    /// A loaded model as given.
    public init(model: EcosystemModel, notes: [String] = [], files: [String] = [], positions: [String: (x: Double, y: Double)] = [:]) {
        self.model = model; self.notes = notes; self.files = files; self.positions = positions
    }
}

extension ModelDraft.Place {
    /// `file` or `file [sheet]`, as issues name it.
    var shownFile: String { sheet.map { "\(file) [sheet \($0)]" } ?? file }

    func issue(_ message: String, id: String? = nil, valid: String? = nil) -> ModelIssue {
        ModelIssue(file: shownFile, line: line, column: column, id: id, message: message, valid: valid)
    }
}
