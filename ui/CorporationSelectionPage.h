#pragma once

#include "ManualPage.h"

#include <memory>

namespace Ui {
class CorporationSelectionPage;
}

namespace hardtoken {

class CorporationSearchModel;
class Store;

// 契約法人の選択 (a staff screen before the manual's 契約法人ステータス): search as you type by
// 契約法人コード (exact) or 契約法人名 (part of it), then 選択 (or Enter, or a double click) opens the
// manual's screens for that corporation.
class CorporationSelectionPage final : public ManualPage {
    Q_OBJECT
public:
    explicit CorporationSelectionPage(const Store& store, QWidget* parent = nullptr);
    ~CorporationSelectionPage() override;

    void enter() override;
    CorporationSearchModel* model() const { return m_model; }

Q_SIGNALS:
    void corporationChosen(const QString& code);

protected:
    void retranslate() override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void choose();
    void showCount();

    std::unique_ptr<Ui::CorporationSelectionPage> m_ui;
    CorporationSearchModel* m_model = nullptr;
};

} // namespace hardtoken
