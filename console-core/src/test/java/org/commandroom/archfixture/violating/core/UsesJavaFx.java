package org.commandroom.archfixture.violating.core;

import javafx.archfixture.FakeNode;

/** Deliberately violates the no-JavaFX rule (see ArchitectureRulesCatchViolationsTest). */
public class UsesJavaFx {
    public Object node() {
        return new FakeNode();
    }
}
