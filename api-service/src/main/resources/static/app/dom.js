// Builds elements with text set through textContent only: data from the API is never parsed as HTML.

/**
 * h('button', {type: 'button', onclick: f, class: 'x'}, 'text', child…): attributes whose name starts with
 * "on" become listeners, "class" the class name, "dataset" data-* values; other values are set as attributes.
 * String children become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled form field: <label for=id>text</label> with the control after it. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2)}`;
  control.id = id;
  return h('div', {class: 'field'}, h('label', {for: id}, label), control, hint && h('small', {}, hint));
}

/** An element announcing errors (role="alert"), empty until show() is called. */
export function errorBox() {
  const box = h('p', {class: 'error', role: 'alert', hidden: true});
  box.show = (error) => {
    if (!error) {
      box.hidden = true;
      box.textContent = '';
      return;
    }
    box.hidden = false;
    box.textContent = error.title ? (error.detail ? `${error.title}: ${error.detail}` : error.title) : String(error);
  };
  return box;
}

/** Announces `text` to screen readers through the page's live region. */
export function announce(text) {
  const region = document.getElementById('live-region');
  region.textContent = text;
}
