package org.commandroom.archfixture.violating.core;

import org.commandroom.archfixture.violating.app.SomeView;

/** Deliberately reaches from core into an app package (see ArchitectureRulesCatchViolationsTest). */
public class UsesAppPackage {
    public Object view() {
        return new SomeView();
    }
}
