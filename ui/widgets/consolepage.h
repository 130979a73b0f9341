#pragma once

#include <QWidget>

namespace crsync {

// A page of the main window. The window's menus and toolbar act on the page in front: each page
// says which of the shared actions it supports and what they do on it.
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void refresh() = 0;
    virtual void find() { } // focus the page's text filter
    virtual bool canCreate() const { return false; }
    virtual void create() { }
    virtual bool canDelete() const { return false; }
    virtual void deleteSelected() { }

signals:
    // What the page can do changed (a selection, a row that started running).
    void actionsChanged();
};

} // namespace crsync
