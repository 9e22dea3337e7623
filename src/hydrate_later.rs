//! Part of a page attached a task later.
//!
//! Taking over a prerendered page attaches the app's views to the page's
//! nodes in one synchronous call of Leptos's (`prerendered::hydrate`); on a
//! slow phone most of that call is V8 compiling, on the main thread, each
//! wasm function the page's views call for the first time. [`later`] marks
//! the bulk of a page (the routed page inside `<main>`, an article's
//! content, a list's cards): while the page
//! is taken over, the element around it is attached with the rest of the
//! page but what is inside it is left as the prerender wrote it, and
//! attached in a task of its own once the rest is (`prerendered::hydrate`
//! runs the [`queued`] parts one task each), so no task holds the main
//! thread long. Everywhere else (the prerender, a page rendered
//! afresh, a route the reader moves to) it is the view it wraps.
//!
//! It must be the only child of its element: the part is attached from
//! that element's first node. The prerender ends it with a comment of its
//! own ([`END`]), which tells the attachment of the rest of the page where
//! to go on from.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::html::attribute::Attribute;
use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;

/// The comment after a [`Later`] part in the prerendered page.
pub const END: &str = "later";

/// A view attached a task after the rest of the page when the page is
/// taken over (see the module's notes).
pub struct Later(AnyView);

/// Marks `view`, the only child of its element, to be attached a task
/// later. It takes the view erased, as a component's children already are,
/// so that no view is erased twice.
pub fn later(view: AnyView) -> Later {
    Later(view)
}

/// Where a [`Later`] part is: waiting to be attached, or attached.
enum Slot {
    Waiting(AnyView),
    Attached(AnyViewState),
    /// Between the two, while it is attached.
    Empty,
}

/// The state of a [`Later`] part, shared with its queued attachment.
pub struct LaterState(Rc<RefCell<Slot>>);

/// A part waiting to be attached: its view, the element it is the child
/// of, and the reactive owner it was made under.
pub struct Queued {
    slot: Rc<RefCell<Slot>>,
    parent: Element,
    owner: Option<Owner>,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Queued>> = const { RefCell::new(VecDeque::new()) };
}

/// The next part waiting to be attached, first queued first.
pub fn queued() -> Option<Queued> {
    QUEUE.with(|queue| queue.borrow_mut().pop_front())
}

impl Queued {
    /// Attaches the part to the nodes the prerender left in its element,
    /// under the owner it was made under. A part whose element left the
    /// page meanwhile is dropped.
    pub fn attach(self) {
        if !self.parent.is_connected() {
            return;
        }
        let taken = std::mem::replace(&mut *self.slot.borrow_mut(), Slot::Empty);
        let view = match taken {
            Slot::Waiting(view) => view,
            attached => {
                *self.slot.borrow_mut() = attached;
                return;
            }
        };
        let cursor = Cursor::new(self.parent.clone());
        let hydrate = || view.hydrate::<true>(&cursor, &PositionState::new(Position::FirstChild));
        let state = match &self.owner {
            Some(owner) => owner.with(hydrate),
            None => hydrate(),
        };
        *self.slot.borrow_mut() = Slot::Attached(state);
    }
}

impl Render for Later {
    type State = LaterState;

    fn build(self) -> Self::State {
        LaterState(Rc::new(RefCell::new(Slot::Attached(self.0.build()))))
    }

    fn rebuild(self, state: &mut Self::State) {
        let mut slot = state.0.borrow_mut();
        match &mut *slot {
            Slot::Attached(attached) => self.0.rebuild(attached),
            // Not attached yet: the new view waits in its place.
            Slot::Waiting(_) | Slot::Empty => *slot = Slot::Waiting(self.0),
        }
    }
}

impl RenderHtml for Later {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        Self(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len() + END.len() + 7
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0
            .to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
        buf.push_str("<!--");
        buf.push_str(END);
        buf.push_str("-->");
        *position = Position::NextChild;
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        // The only child of its element: the cursor is on that element,
        // whose nodes stay as the prerender wrote them until the part is
        // attached; the rest of the page goes on after the part's end.
        let parent = (position.get() == Position::FirstChild)
            .then(|| cursor.current().dyn_into::<Element>().ok())
            .flatten();
        let Some((parent, end)) =
            parent.and_then(|parent| end_of(&parent).map(|end| (parent, end)))
        else {
            let state = self.0.hydrate::<FROM_SERVER>(cursor, position);
            return LaterState(Rc::new(RefCell::new(Slot::Attached(state))));
        };
        cursor.set(end);
        position.set(Position::NextChild);
        let slot = Rc::new(RefCell::new(Slot::Waiting(self.0)));
        QUEUE.with(|queue| {
            queue.borrow_mut().push_back(Queued {
                slot: Rc::clone(&slot),
                parent,
                owner: Owner::current(),
            });
        });
        LaterState(slot)
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

/// The [`END`] comment among `parent`'s children.
fn end_of(parent: &Element) -> Option<Node> {
    let mut node = parent.first_child();
    while let Some(child) = node {
        if child.node_type() == web_sys::Node::COMMENT_NODE
            && child.node_value().as_deref() == Some(END)
        {
            return Some(child);
        }
        node = child.next_sibling();
    }
    None
}

impl AddAnyAttr for Later {
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        Self(self.0.add_any_attr(attr).into_any())
    }
}

impl Mountable for LaterState {
    fn unmount(&mut self) {
        if let Slot::Attached(state) = &mut *self.0.borrow_mut() {
            state.unmount();
        }
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        if let Slot::Attached(state) = &mut *self.0.borrow_mut() {
            state.mount(parent, marker);
        }
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        match &*self.0.borrow() {
            Slot::Attached(state) => state.insert_before_this(child),
            Slot::Waiting(_) | Slot::Empty => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        match &*self.0.borrow() {
            Slot::Attached(state) => state.elements(),
            Slot::Waiting(_) | Slot::Empty => Vec::new(),
        }
    }
}
