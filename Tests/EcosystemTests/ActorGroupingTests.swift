import Testing
@testable import Ecosystem

@Suite("Grouping actors by an attribute")
struct ActorGroupingTests {
    let model = EcosystemModel(
        name: "m",
        actorTypes: [
            ActorType(id: "gov", label: "Government", color: "#0072B2", shape: "box", helix: "government"),
            ActorType(id: "ngo", label: "Residents", color: "#CC79A7", shape: "octagon", helix: "civil_society"),
            ActorType(id: "firm", label: "Industry", color: "#E69F00", shape: "ellipse"),
        ],
        relationTypes: [],
        actors: [
            Actor(id: "a", name: "A", type: "gov", place: "Delft", attributes: [(key: "sector", value: "public")]),
            Actor(id: "b", name: "B", type: "firm", attributes: [(key: "sector", value: "")]),
            Actor(id: "c", name: "C", type: "ngo", place: "Delft", attributes: [(key: "size", value: "small")]),
            Actor(id: "d", name: "D", type: "gov", place: "Zoetermeer"),
        ],
        relations: [])

    @Test func groupsAreNumberedInOrderOfFirstAppearance() {
        let type = model.groups(by: .type)
        #expect(type.values == ["gov", "firm", "ngo"] && type.index == [0, 1, 2, 0])
        #expect(type.labels == ["Government", "Industry", "Residents"])
        #expect(type.members(0) == [0, 3])
        #expect(model.groups(by: .typeLabel).actorLabels == ["Government", "Industry", "Residents", "Government"])
    }

    @Test func actorsWithoutAValueShareTheEmptyGroup() {
        let place = model.groups(by: .place)
        #expect(place.values == ["Delft", "", "Zoetermeer"] && place.index == [0, 1, 0, 2])
        #expect(place.ungrouped == 1 && place.valued == [0, 2])
        let helix = model.groups(by: .helix)
        #expect(helix.values == ["government", "", "civil_society"] && helix.labels == ["government", "", "civil society"])
        // An empty free value is no value.
        #expect(model.groups(by: .free("sector")).values == ["public", ""])
    }

    @Test func namesReadBackAndBuiltInsWin() {
        for name in ["type", "type_label", "place", "helix", "sector"] { #expect(ActorAttribute(name).name == name) }
        #expect(ActorAttribute("helix") == .helix)
        #expect(ActorGrouping.helix.attribute == .helix)
        #expect(model.groupingAttributes().map(\.name) == ["type", "type_label", "place", "helix", "sector", "size"])
    }

    @Test func anAttributeNoActorHasIsRefused() throws {
        #expect(try model.groups(byAttributeNamed: "helix").valued.count == 2)
        #expect(throws: ActorGroupingError.noActorHas(
            attribute: "sise", valid: ["type", "type_label", "place", "helix", "sector", "size"])) {
            try model.groups(byAttributeNamed: "sise")
        }
        let message = ActorGroupingError.noActorHas(attribute: "sise", valid: ["type", "size"]).description
        #expect(message.contains("did you mean 'size'?"))
    }
}
