package org.commandroom.archfixture.violating.app;

/** Stands for a console-app class (see ArchitectureRulesCatchViolationsTest). */
public class SomeView {
}
