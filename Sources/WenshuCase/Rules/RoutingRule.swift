import WenshuXML

/// A 督办单 chases a 交办 or 移交: one without a slip before it to chase is a warning (the 交办 may have been
/// given by telephone; the case should say so). Id: `supervision-without-referral`.
enum RoutingRule {
    private static let routingSlips = ChildSteps(path: "routings/routing")

    static let rule: CaseRule = { context in
        let routings = context.root.nodes(routingSlips)
        for (index, routing) in routings.enumerated() where routing.value("kind") == "督办" {
            let chased = routings[..<index].contains { ["交办", "移交"].contains($0.value("kind") ?? "") }
            if !chased {
                context.report(.supervisionWithoutReferral, at: routing, field: "kind")
            }
        }
    }
}
