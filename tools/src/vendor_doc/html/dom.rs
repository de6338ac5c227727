//! A small document tree built by html5ever's tree builder, each node with
//! the line of the HTML text it was made on, so that errors can point into
//! the saved page.
//!
//! html5ever calls [`TreeSink::set_current_line`] before each token it
//! builds from; the sink stamps every node it creates with that line.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::sync::LazyLock;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, local_name, ns, parse_document};

/// A node's index in [`Dom::nodes`].
pub(super) type NodeId = usize;

/// The parsed page.
#[derive(Debug)]
pub(super) struct Dom {
    /// Every node made, the document first; nodes removed from the tree
    /// stay here without a parent.
    pub nodes: Vec<Node>,
}

/// One node of the tree.
#[derive(Debug)]
pub(super) struct Node {
    /// The 1-based line of the HTML text the node was made on (a start
    /// tag's, or a text's first line).
    pub line: usize,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub data: NodeData,
}

/// What a node is.
#[derive(Debug)]
pub(super) enum NodeData {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
    },
    Text(String),
    /// A comment, doctype or processing instruction: nothing to read.
    Other,
}

impl Dom {
    /// The tree html5ever builds from `text`, as a browser would: implied
    /// tags added, stray ones dropped, entities decoded.
    pub fn parse(text: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node {
                line: 1,
                parent: None,
                children: Vec::new(),
                data: NodeData::Document,
            }]),
            line: Cell::new(1),
        };
        parse_document(sink, Default::default()).one(text)
    }

    /// Cuts the tree below `max` levels, so that every walk of it is
    /// shallow: the line of the first node cut, if any.
    pub fn prune_deeper_than(&mut self, max: usize) -> Option<usize> {
        let mut cut = None;
        let mut stack = vec![(0, 0)];
        while let Some((node, depth)) = stack.pop() {
            if depth == max {
                let children = std::mem::take(&mut self.nodes[node].children);
                if let Some(&first) = children.first() {
                    cut.get_or_insert(self.nodes[first].line);
                }
                continue;
            }
            stack.extend(
                self.nodes[node]
                    .children
                    .iter()
                    .map(|&child| (child, depth + 1)),
            );
        }
        cut
    }

    /// For every node, whether one of its descendants (itself excluded)
    /// satisfies `wanted`; one pass over the tree.
    pub fn any_below(&self, wanted: impl Fn(NodeId) -> bool) -> Vec<bool> {
        let mut below = vec![false; self.nodes.len()];
        // Parents before children, then children folded into parents.
        let order = self.descendants(0);
        for &node in order.iter().rev() {
            below[node] = self.nodes[node]
                .children
                .iter()
                .any(|&child| below[child] || wanted(child));
        }
        below
    }

    /// The element's local name (`table`, `p`), `None` for other nodes.
    pub fn tag(&self, node: NodeId) -> Option<&str> {
        match &self.nodes[node].data {
            NodeData::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// The value of the element's attribute `name`.
    pub fn attr(&self, node: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[node].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|attr| &*attr.name.local == name)
                .map(|attr| &*attr.value),
            _ => None,
        }
    }

    /// Whether the element's `class` attribute lists `class`.
    pub fn has_class(&self, node: NodeId, class: &str) -> bool {
        self.attr(node, "class")
            .is_some_and(|classes| classes.split_ascii_whitespace().any(|c| c == class))
    }

    /// The node's children, in order.
    pub fn children(&self, node: NodeId) -> &[NodeId] {
        &self.nodes[node].children
    }

    /// The node's line.
    pub fn line(&self, node: NodeId) -> usize {
        self.nodes[node].line
    }

    /// The node and its descendants in document order.
    pub fn descendants(&self, node: NodeId) -> Vec<NodeId> {
        let mut found = Vec::new();
        let mut stack = vec![node];
        while let Some(next) = stack.pop() {
            found.push(next);
            stack.extend(self.nodes[next].children.iter().rev());
        }
        found
    }

    /// The first element named `tag` in document order.
    pub fn find(&self, tag: &str) -> Option<NodeId> {
        self.descendants(0)
            .into_iter()
            .find(|&node| self.tag(node) == Some(tag))
    }
}

/// The name of a node that is no element.
static NO_NAME: LazyLock<QualName> = LazyLock::new(|| QualName::new(None, ns!(), local_name!("")));

/// The tree builder's sink: nodes in a vector, handles their indexes.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// The line of the token being built from.
    line: Cell<usize>,
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            line: self.line.get(),
            parent: None,
            children: Vec::new(),
            data,
        });
        nodes.len() - 1
    }

    fn detach(&self, node: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(parent) = nodes[node].parent.take() {
            nodes[parent].children.retain(|&child| child != node);
        }
    }

    /// Inserts `child` into `parent` at `index`, joining text to a text
    /// node just before it.
    fn insert(&self, parent: NodeId, index: usize, child: NodeOrText<NodeId>) {
        let node = match child {
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let before = index.checked_sub(1).map(|at| nodes[parent].children[at]);
                if let Some(before) = before
                    && let NodeData::Text(existing) = &mut nodes[before].data
                {
                    existing.push_str(&text);
                    return;
                }
                drop(nodes);
                self.push(NodeData::Text(text.to_string()))
            }
            NodeOrText::AppendNode(node) => {
                self.detach(node);
                node
            }
        };
        let mut nodes = self.nodes.borrow_mut();
        let index = index.min(nodes[parent].children.len());
        nodes[parent].children.insert(index, node);
        nodes[node].parent = Some(parent);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    // Browsers read malformed pages too; so does the reader, which reports
    // what it cannot use in the tree it gets.
    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn set_current_line(&self, line_number: u64) {
        self.line
            .set(usize::try_from(line_number).unwrap_or(usize::MAX));
    }

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            NodeData::Element { name, .. } => name,
            // The tree builder asks only about elements it made.
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> NodeId {
        self.push(NodeData::Element { name, attrs })
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let end = self.nodes.borrow()[*parent].children.len();
        self.insert(*parent, end, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.nodes.borrow()[*element].parent.is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let doctype = self.push(NodeData::Other);
        self.append(&0, NodeOrText::AppendNode(doctype));
    }

    // A template's contents are the template itself: the vendor's pages
    // have none, and nothing is read from one.
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let Some(parent) = self.nodes.borrow()[*sibling].parent else {
            return;
        };
        let index = self.nodes.borrow()[parent]
            .children
            .iter()
            .position(|node| node == sibling)
            .unwrap_or(0);
        self.insert(parent, index, child);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, new: Vec<Attribute>) {
        if let NodeData::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for attr in new {
                if !attrs.iter().any(|old| old.name == attr.name) {
                    attrs.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let children = std::mem::take(&mut self.nodes.borrow_mut()[*node].children);
        for child in children {
            self.nodes.borrow_mut()[child].parent = None;
            self.append(new_parent, NodeOrText::AppendNode(child));
        }
    }
}
