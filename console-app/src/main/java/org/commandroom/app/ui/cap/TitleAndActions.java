package org.commandroom.app.ui.cap;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A list's title at the left and its buttons at the right, each shown whole however narrow the pane: the buttons
 * wrap under each other when they do not fit beside the title, and go to a line of their own under it when even one
 * of them does not (the desk's side pane can be 300 px wide, and English words are longer).
 */
final class TitleAndActions extends Region {

    private static final double GAP = 8;

    private final Label title;
    private final FlowPane actions;

    TitleAndActions(Label title, Node... buttons) {
        this.title = title;
        this.actions = new FlowPane(GAP, 4, buttons);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPrefWrapLength(0);
        for (Node b : buttons) {
            if (b instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        getChildren().addAll(title, actions);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private double inner(double width) {
        Insets in = getInsets();
        return width < 0 ? -1 : width - in.getLeft() - in.getRight();
    }

    /** Whether the buttons fit beside the title (wrapped if need be) in {@code inner} pixels. */
    private boolean beside(double inner) {
        return inner < 0 || title.prefWidth(-1) + GAP + actions.minWidth(-1) <= inner;
    }

    /** The buttons' width on one row (the flow's own preferred width is its wrap length's). */
    private double oneRow() {
        double w = 0;
        for (Node n : actions.getChildren()) {
            w += (w == 0 ? 0 : GAP) + snapSizeX(n.prefWidth(-1));
        }
        return w;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + title.prefWidth(-1) + GAP + oneRow() + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + Math.max(title.prefWidth(-1), actions.minWidth(-1)) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = inner(width);
        double titleHeight = title.prefHeight(-1);
        double h;
        if (beside(inner)) {
            double room = inner < 0 ? -1 : Math.min(oneRow(), inner - title.prefWidth(-1) - GAP);
            h = Math.max(titleHeight, actions.prefHeight(room));
        } else {
            h = titleHeight + 4 + actions.prefHeight(inner);
        }
        return in.getTop() + h + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double inner = inner(getWidth());
        double tw = title.prefWidth(-1);
        double th = title.prefHeight(-1);
        if (beside(inner)) {
            double aw = Math.min(oneRow(), inner - tw - GAP);
            double ah = actions.prefHeight(aw);
            double h = Math.max(th, ah);
            layoutInArea(title, x, y, tw, h, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(actions, x + inner - aw, y, aw, h, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            layoutInArea(title, x, y, tw, th, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(actions, x, y + th + 4, inner, actions.prefHeight(inner), 0, HPos.RIGHT, VPos.TOP);
        }
    }
}
