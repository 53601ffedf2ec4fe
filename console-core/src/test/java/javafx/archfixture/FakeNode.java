package javafx.archfixture;

/**
 * A stand-in in the {@code javafx} package namespace: console-core has no JavaFX on its classpath,
 * so the architecture-rule fixture depends on this instead. Test sources only.
 */
public class FakeNode {
}
