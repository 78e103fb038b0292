/** How the canvas fits the tree into view: a margin, and never zoomed in past 110%. */
export const FIT_VIEW_OPTIONS = { padding: 0.16, maxZoom: 1.1 };
